/* Dataset from CSV text: one sample per row, the last e columns are y.
   Two passes over the text (count and check the shape, then read the numbers exactly), so no
   per-field index is stored and memory is the dataset itself. */
#include "internal.h"

typedef struct
{
    const char * s;
    size_t len, pos;
    slong line;
    const char * name;
    rc_err_struct * err;
}
csv;

static int is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* Moves to the next row that is not blank and not a '#' comment; 0 at the end of input. */
static int next_row(csv * c)
{
    for (;;)
    {
        size_t p = c->pos;
        if (p >= c->len)
            return 0;
        while (p < c->len && (is_sp(c->s[p]) || c->s[p] == '\r'))
            p++;
        if (p < c->len && c->s[p] != '\n' && c->s[p] != '#')
            return 1;
        while (p < c->len && c->s[p] != '\n')
            p++;
        if (p < c->len)
        {
            p++;
            c->line++;
        }
        c->pos = p;
    }
}

/* One field at c->pos: *fs, *fl the text (inside the quotes for a quoted field).
   Returns 1 when a comma follows, 0 at the end of the row, -1 on a syntax error (err set). */
static int next_field(csv * c, const char ** fs, size_t * fl, slong col)
{
    const char * s = c->s;
    size_t p = c->pos;
    while (p < c->len && is_sp(s[p]))
        p++;
    if (p < c->len && s[p] == '"')
    {
        size_t start = ++p;
        slong line0 = c->line;
        for (;;)
        {
            if (p >= c->len)
                return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: unterminated quoted "
                                  "field", c->name, (long) line0, (long) col + 1), -1;
            if (s[p] == '"')
            {
                if (p + 1 < c->len && s[p + 1] == '"')
                {
                    p += 2;
                    continue;
                }
                break;
            }
            if (s[p] == '\n')
                c->line++;
            p++;
        }
        *fs = s + start;
        *fl = p - start;
        p++;
        while (p < c->len && (is_sp(s[p]) || s[p] == '\r'))
            p++;
        if (p < c->len && s[p] != ',' && s[p] != '\n')
            return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: text after a closing "
                              "quote", c->name, (long) c->line, (long) col + 1), -1;
    }
    else
    {
        size_t start = p, end;
        while (p < c->len && s[p] != ',' && s[p] != '\n')
            p++;
        end = p;
        while (end > start && (is_sp(s[end - 1]) || s[end - 1] == '\r'))
            end--;
        *fs = s + start;
        *fl = end - start;
    }
    if (p < c->len && s[p] == ',')
    {
        c->pos = p + 1;
        return 1;
    }
    if (p < c->len)             /* '\n' */
    {
        c->pos = p + 1;
        c->line++;
    }
    else
        c->pos = p;
    return 0;
}

static int number_error(csv * c, int code, slong line, slong col, const char * fs, size_t fl,
                        const char * why)
{
    char snip[72];
    _rc_io_snippet(snip, fs, fl, 60);
    if (fl == 0)
        return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: empty field", c->name,
                          (long) line, (long) col + 1);
    if (code == RC_ELIMIT)
        return rc_err_set(c->err, RC_ELIMIT, "%s: line %ld, field %ld: number refused: %s: \"%s\"",
                          c->name, (long) line, (long) col + 1, why != NULL ? why : "too large", snip);
    return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: not a number: \"%s\" (%s)",
                      c->name, (long) line, (long) col + 1, snip, why != NULL ? why : "unparsable");
}

/* 1 for the spellings of NaN and infinity that NumPy, pandas and C print: [+-]nan, [+-]inf,
   [+-]infinity in any case. */
static int looks_nonfinite(const char * s, size_t n)
{
    static const char * const words[3] = { "nan", "inf", "infinity" };
    size_t i, k;
    if (n > 0 && (s[0] == '+' || s[0] == '-'))
    {
        s++;
        n--;
    }
    for (k = 0; k < 3; k++)
    {
        if (strlen(words[k]) != n)
            continue;
        for (i = 0; i < n; i++)
            if ((s[i] | 0x20) != words[k][i])
                break;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Header detection on the first row: a header has no numeric field; a data row has only
   numeric fields; a mix is refused rather than guessed.  Sets *ncols and *header. */
static int first_row(csv * c, slong * ncols, int * header)
{
    slong col = 0, nnum = 0, line = c->line, first_bad = -1;
    const char * bad_s = NULL;
    size_t bad_l = 0;
    const char * why = NULL, * bad_why = NULL;
    int more, code, bad_code = RC_OK;
    fmpq_t t;
    fmpq_init(t);
    do
    {
        const char * fs;
        size_t fl;
        more = next_field(c, &fs, &fl, col);
        if (more < 0)
        {
            fmpq_clear(t);
            return RC_EINPUT;
        }
        code = (fl == 0) ? RC_EINPUT : rc_fmpq_set_strn(t, fs, fl, &why);
        if (code == RC_ELIMIT || looks_nonfinite(fs, fl))
        {
            /* a huge number or a NaN/Inf spelling is a broken data row, never a header name */
            fmpq_clear(t);
            return number_error(c, code == RC_ELIMIT ? RC_ELIMIT : RC_EINPUT, line, col, fs, fl,
                                code == RC_ELIMIT ? why : "NaN and infinities are not numbers");
        }
        if (code == RC_OK)
            nnum++;
        else if (first_bad < 0)
        {
            first_bad = col;
            bad_s = fs;
            bad_l = fl;
            bad_why = why;
            bad_code = code;
        }
        col++;
        if (col > RC_MAX_ENTRIES)
        {
            fmpq_clear(t);
            return rc_err_set(c->err, RC_ELIMIT, "%s: line %ld: more than %ld fields", c->name,
                              (long) line, (long) RC_MAX_ENTRIES);
        }
    }
    while (more);
    fmpq_clear(t);
    *ncols = col;
    *header = (nnum == 0);
    if (nnum > 0 && nnum < col)
    {
        if (bad_code == RC_ELIMIT)
            return number_error(c, bad_code, line, first_bad, bad_s, bad_l, bad_why);
        {
            char snip[72];
            _rc_io_snippet(snip, bad_s, bad_l, 60);
            return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: not a number: \"%s\" "
                              "(the first row mixes numbers and text, so it is neither a header nor "
                              "a data row)", c->name, (long) line, (long) first_bad + 1, snip);
        }
    }
    return RC_OK;
}

int rc_data_read_csv_buf_e(rc_data_t data, const char * buf, size_t len, slong e,
                           const char * name, rc_err_t err)
{
    csv c;
    slong ncols = 0, n = 0, d, row, line, line1;
    int header = 0, r, more;
    const char * why;
    double total_bits;
    c.s = buf;
    c.len = len;
    c.pos = 0;
    c.line = 1;
    c.name = name;
    c.err = err;
    if (e < 1)
        return rc_err_set(err, RC_EINPUT, "%s: the number of output columns must be at least 1",
                          name);
    if (len >= 3 && (unsigned char) buf[0] == 0xEF && (unsigned char) buf[1] == 0xBB
        && (unsigned char) buf[2] == 0xBF)
        c.pos = 3;                                   /* UTF-8 byte order mark */
    if (!next_row(&c))
        return rc_err_set(err, RC_EINPUT, "%s: no samples (empty CSV)", name);
    line = line1 = c.line;
    if ((r = first_row(&c, &ncols, &header)) != RC_OK)
        return r;
    if (ncols <= e)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: %ld columns, but %ld output column%s and "
                          "at least one input column are needed", name, (long) line, (long) ncols,
                          (long) e, e == 1 ? "" : "s");
    d = ncols - e;
    if (!header)
        n = 1;
    /* pass 1: every further row has ncols fields, and the exact values fit the total size
       budget (checked on the text, before any conversion) */
    total_bits = 0.0;
    while (next_row(&c))
    {
        slong col = 0;
        line = c.line;
        do
        {
            const char * fs;
            size_t fl;
            if ((more = next_field(&c, &fs, &fl, col)) < 0)
                return RC_EINPUT;
            total_bits += _rc_io_literal_bits(fs, fl);
            if (total_bits > (double) RC_IO_MAX_VALUE_BITS)
                return rc_err_set(err, RC_ELIMIT, "%s: line %ld: the numbers up to here would need "
                                  "about %.3g bits as exact rationals, over the limit of 2^32 bits",
                                  name, (long) line, total_bits);
            col++;
        }
        while (more);
        if (col != ncols)
            return rc_err_set(err, RC_EINPUT, "%s: line %ld: %ld fields, expected %ld (as in line "
                              "%ld)", name, (long) line, (long) col, (long) ncols, (long) line1);
        n++;
        if (n > RC_MAX_ENTRIES / ncols)
            return rc_err_set(err, RC_ELIMIT, "%s: more than %ld entries", name, (long) RC_MAX_ENTRIES);
    }
    if (n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: no samples (only a header row)", name);
    if ((r = rc_data_init(data, n, d, e, err)) != RC_OK)
        return _rc_io_prefix_err(err, r, name);
    /* pass 2: the numbers, exactly */
    c.pos = (len >= 3 && (unsigned char) buf[0] == 0xEF && (unsigned char) buf[1] == 0xBB
             && (unsigned char) buf[2] == 0xBF) ? 3 : 0;
    c.line = 1;
    for (row = -header; next_row(&c); row++)
    {
        slong col;
        line = c.line;
        for (col = 0; col < ncols; col++)
        {
            const char * fs;
            size_t fl;
            fmpq * x;
            next_field(&c, &fs, &fl, col);         /* checked in pass 1 */
            if (row < 0)
                continue;
            x = (col < d) ? data->X + row * d + col : data->Y + row * e + (col - d);
            why = NULL;
            r = (fl == 0) ? RC_EINPUT : rc_fmpq_set_strn(x, fs, fl, &why);
            if (r != RC_OK)
            {
                number_error(&c, r, line, col, fs, fl, why);
                rc_data_clear(data);
                return r;
            }
        }
    }
    return RC_OK;
}

int rc_data_read_csv_buf(rc_data_t data, const char * buf, size_t len, const char * name, rc_err_t err)
{
    return rc_data_read_csv_buf_e(data, buf, len, 1, name, err);
}
