/* relucert: the command-line entry point (the commands live in librelucert_cmd: dispatch.c). */
#include "cli.h"

int main(int argc, char ** argv)
{
    return rc_cmd_main(argc, argv);
}
