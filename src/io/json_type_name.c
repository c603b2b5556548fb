/* Names of JSON types for messages ("expected a number, got an array"). */
#include "internal.h"

const char * _rc_json_type_name(rc_json_type t)
{
    switch (t)
    {
        case RC_JSON_NULL: return "null";
        case RC_JSON_BOOL: return "a boolean";
        case RC_JSON_NUMBER: return "a number";
        case RC_JSON_STRING: return "a string";
        case RC_JSON_ARRAY: return "an array";
        case RC_JSON_OBJECT: return "an object";
    }
    return "an unknown value";
}
