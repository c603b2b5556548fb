/* The result line of one batch job.  A job's JSON output is re-written compactly on one line
   (numbers keep the literal text they had, so exact values are unchanged). */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "batch.h"

/* A JSON string of the n bytes at s.  A job's output is arbitrary bytes: a byte that does not
   start a valid UTF-8 sequence becomes U+FFFD, so every result line is valid JSON (and --resume,
   which parses the lines strictly, recognises it). */
static void write_str(FILE * f, const char * s, size_t n)
{
    size_t i, k;
    fputc('"', f);
    for (i = 0; i < n; i += k)
    {
        unsigned char c = (unsigned char) s[i];
        k = 1;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\u%04x", (unsigned) c);
        else if (c < 0x80)
            fputc(c, f);
        else if ((k = rc_utf8_seq_len((const unsigned char *) s + i, n - i)) == 0)
        {
            fputs("\\ufffd", f);
            k = 1;
        }
        else
            fwrite(s + i, 1, k, f);
    }
    fputc('"', f);
}

static void write_compact(FILE * f, const rc_json_struct * v)
{
    slong i;
    switch (v->type)
    {
        case RC_JSON_NULL: fputs("null", f); break;
        case RC_JSON_BOOL: fputs(v->boolean ? "true" : "false", f); break;
        case RC_JSON_NUMBER: fwrite(v->text, 1, v->text_len, f); break;
        case RC_JSON_STRING: write_str(f, v->text, v->text_len); break;
        case RC_JSON_ARRAY:
            fputc('[', f);
            for (i = 0; i < v->len; i++)
            {
                if (i) fputs(", ", f);
                write_compact(f, v->items + i);
            }
            fputc(']', f);
            break;
        case RC_JSON_OBJECT:
            fputc('{', f);
            for (i = 0; i < v->len; i++)
            {
                if (i) fputs(", ", f);
                write_str(f, v->keys[i], strlen(v->keys[i]));
                fputs(": ", f);
                write_compact(f, v->items + i);
            }
            fputc('}', f);
            break;
    }
}

/* The first line of s (for "error"), at most 1000 bytes. */
static void write_first_line(FILE * f, const char * s)
{
    size_t n = 0;
    while (s[n] != '\0' && s[n] != '\n' && n < 1000)
        n++;
    /* cut at a character boundary: not inside a UTF-8 sequence */
    if (n == 1000)
        while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
            n--;
    write_str(f, s, n);
}

static void write_body(FILE * f, const rc_batch_outcome * o)
{
    rc_json_struct * doc = NULL;
    rc_err_t err;
    if (o->timed_out)
        fputs(", \"timed_out\": true, \"error\": \"timed out (killed)\"", f);
    else if (!o->exited)
        fprintf(f, ", \"signal\": %d, \"error\": \"killed by signal %d\"", o->signal, o->signal);
    else if (o->code != 0)
    {
        fputs(", \"error\": ", f);
        write_first_line(f, o->err);
    }
    if (o->out_truncated)
        fputs(", \"output_truncated\": true", f);
    if (o->out_len == 0 || o->timed_out || !o->exited)
        return;
    /* the job's standard output: JSON (a --json run) as "result", anything else as "output" */
    if (rc_json_parse(&doc, o->out, o->out_len, "output", err) == RC_OK)
    {
        fputs(", \"result\": ", f);
        write_compact(f, doc);
        rc_json_free(doc);
    }
    else
    {
        fputs(", \"output\": ", f);
        write_str(f, o->out, o->out_len);
    }
}

char * rc_batch_result_line(const rc_batch_job * job, const rc_batch_outcome * o)
{
    char * line = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&line, &len);
    fputs("{\"id\": ", f);
    write_str(f, job->id, strlen(job->id));
    if (o->exited)
        fprintf(f, ", \"exit\": %d", o->code);
    else
        fputs(", \"exit\": null", f);
    fprintf(f, ", \"seconds\": %.6f", o->seconds);
    write_body(f, o);
    fputc('}', f);
    fclose(f);
    return line;
}
