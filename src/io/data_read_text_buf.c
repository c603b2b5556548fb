/* Dataset from delimited text (doc/io.md "Delimited text"): one sample per row, the last e
   columns are y.  The separator is found on the first row: ';' if it has one, else a tab, else
   ',', else runs of blanks (numpy.savetxt's default).  Blank lines and lines starting with '#'
   are skipped; with ',' ';' or tab, RFC 4180 double quotes are allowed and spaces around fields
   are ignored.

   The header rule never turns a header into data silently (header = RC_HEADER_AUTO):
   - the first row has no number, or its first cell is empty  -> header;
   - some fields are numbers and some are not                    -> refused;
   - all numbers, not all integer literals ([+-]digits)          -> data;
   - all integer literals with a repeated value                  -> data (labels are distinct);
   - exactly 0,1,...,n-1 above rows that are not all integers    -> header (pandas column labels);
   - any other distinct integers (or 0..n-1 above integer rows, or alone in the file)
                                                                 -> ambiguous: refused after the
     rest of the file was checked, asking for --header yes or --header no.
   Below a header whose first cell is empty, a first column 0, 1, ..., N-1 is a pandas index and
   is dropped; any other first column under an empty cell is refused.
   Two passes over the text (count and check the shape, then read the numbers exactly). */
#include "internal.h"

typedef struct
{
    const char * s;
    size_t len, pos;
    slong line;
    const char * name;
    rc_err_struct * err;
    char sep;               /* ',', ';', '\t', or ' ' for runs of blanks */
}
csv;

/* blanks trimmed around fields (a tab is a separator when sep is a tab) */
static int is_sp(const csv * c, char ch)
{
    return ch == ' ' || (ch == '\t' && c->sep != '\t');
}

/* Moves to the next row that is not blank and not a '#' comment; 0 at the end of input. */
static int next_row(csv * c)
{
    for (;;)
    {
        size_t p = c->pos;
        if (p >= c->len)
            return 0;
        while (p < c->len && (c->s[p] == ' ' || c->s[p] == '\t' || c->s[p] == '\r'))
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

/* The separator of the row at c->pos: ';' > tab > ',' > blanks (quoted text not counted). */
static char find_sep(const csv * c)
{
    size_t p = c->pos;
    int q = 0, semi = 0, tab = 0, comma = 0;
    for (; p < c->len && (q || c->s[p] != '\n'); p++)
    {
        if (c->s[p] == '"')
            q = !q;
        else if (!q)
        {
            semi |= c->s[p] == ';';
            tab |= c->s[p] == '\t';
            comma |= c->s[p] == ',';
        }
    }
    return semi ? ';' : tab ? '\t' : comma ? ',' : ' ';
}

/* Blank-separated field: 1 when another field follows on the row, 0 at its end. */
static int next_field_blank(csv * c, const char ** fs, size_t * fl)
{
    const char * s = c->s;
    size_t p = c->pos, start;
    while (p < c->len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r'))
        p++;
    start = p;
    while (p < c->len && s[p] != ' ' && s[p] != '\t' && s[p] != '\r' && s[p] != '\n')
        p++;
    *fs = s + start;
    *fl = p - start;
    while (p < c->len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r'))
        p++;
    if (p < c->len && s[p] != '\n')
    {
        c->pos = p;
        return 1;
    }
    if (p < c->len)
    {
        p++;
        c->line++;
    }
    c->pos = p;
    return 0;
}

/* One field at c->pos: *fs, *fl the text (inside the quotes for a quoted field).
   Returns 1 when a separator follows, 0 at the end of the row, -1 on a syntax error (err set). */
static int next_field(csv * c, const char ** fs, size_t * fl, slong col)
{
    const char * s = c->s;
    size_t p = c->pos;
    if (c->sep == ' ')
        return next_field_blank(c, fs, fl);
    while (p < c->len && is_sp(c, s[p]))
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
        while (p < c->len && (is_sp(c, s[p]) || s[p] == '\r'))
            p++;
        if (p < c->len && s[p] != c->sep && s[p] != '\n')
            return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: text after a closing "
                              "quote", c->name, (long) c->line, (long) col + 1), -1;
    }
    else
    {
        size_t start = p, end;
        while (p < c->len && s[p] != c->sep && s[p] != '\n')
            p++;
        end = p;
        while (end > start && (is_sp(c, s[end - 1]) || s[end - 1] == '\r'))
            end--;
        *fs = s + start;
        *fl = end - start;
    }
    if (p < c->len && s[p] == c->sep)
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

/* 1 for a decimal number written with a comma: [+-]digits,digits[e[+-]digits] */
static int decimal_comma(const char * s, size_t n)
{
    size_t i = 0, k;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    for (k = i; i < n && s[i] >= '0' && s[i] <= '9'; i++) ;
    if (i == k || i >= n || s[i] != ',')
        return 0;
    for (k = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++) ;
    if (i == k)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (k = i; i < n && s[i] >= '0' && s[i] <= '9'; i++) ;
        if (i == k)
            return 0;
    }
    return i == n;
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
    if (c->sep != ',' && decimal_comma(fs, fl))
        return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: not a number: \"%s\" (a "
                          "decimal comma: relucert reads only '.' as the decimal point; write "
                          "1.5, not 1,5)", c->name, (long) line, (long) col + 1, snip);
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

/* 1 for an integer literal [+-]?[0-9]+ */
static int is_int_lit(const char * s, size_t n)
{
    size_t i = (n > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    if (i == n)
        return 0;
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* 1 when s is the canonical decimal spelling of v >= 0 */
static int is_canon(const char * s, size_t n, slong v)
{
    char b[32];
    int k = snprintf(b, sizeof(b), "%ld", (long) v);
    return (size_t) k == n && memcmp(b, s, n) == 0;
}

/* What the first row looks like. */
typedef struct
{
    slong ncols, nnum;
    int all_int, range, distinct, first_empty;
    slong bad_col;              /* first field that is not a number, -1 if none */
    const char * bad_s;
    size_t bad_l;
    const char * bad_why;
    int bad_code;
}
row1_t;

static int cmp_slong(const void * a, const void * b)
{
    slong x = *(const slong *) a, y = *(const slong *) b;
    return (x > y) - (x < y);
}

/* Reads the first row into h.  Unless it is a forced header, a huge number, a NaN/Inf
   spelling or a decimal comma there is an error: a broken data row, never a header name. */
static int first_row(csv * c, row1_t * h, int forced_header)
{
    slong col = 0, * iv = NULL, alloc = 0, line = c->line;
    const char * why = NULL;
    int more, code, known = 1, res = RC_OK;
    fmpq_t t;
    memset(h, 0, sizeof(*h));
    h->all_int = h->range = 1;
    h->bad_col = -1;
    fmpq_init(t);
    do
    {
        const char * fs;
        size_t fl;
        if ((more = next_field(c, &fs, &fl, col)) < 0)
        {
            res = RC_EINPUT;
            break;
        }
        if (col == 0)
            h->first_empty = (fl == 0);
        code = (fl == 0) ? RC_EINPUT : rc_fmpq_set_strn(t, fs, fl, &why);
        if (!forced_header && code != RC_OK && c->sep != ',' && decimal_comma(fs, fl))
        {
            /* "1,5" under ';' (or tab, blanks) separators is a number in a comma locale,
               never a column name */
            more = -1;
            res = number_error(c, RC_EINPUT, line, col, fs, fl, NULL);
            break;
        }
        if (!forced_header && (code == RC_ELIMIT || looks_nonfinite(fs, fl)))
        {
            more = -1;
            res = number_error(c, code == RC_ELIMIT ? RC_ELIMIT : RC_EINPUT, line, col, fs, fl,
                         code == RC_ELIMIT ? why : "NaN and infinities are not numbers");
            break;
        }
        if (code == RC_OK)
            h->nnum++;
        else if (h->bad_col < 0)
        {
            h->bad_col = col;
            h->bad_s = fs;
            h->bad_l = fl;
            h->bad_why = why;
            h->bad_code = code;
        }
        if (h->all_int && is_int_lit(fs, fl))
        {
            h->range &= is_canon(fs, fl, col);
            if (col >= alloc)
            {
                alloc = FLINT_MAX(16, 2 * alloc);
                iv = flint_realloc(iv, alloc * sizeof(slong));
            }
            if (fl > 18)
                known = 0;                     /* too long to compare: not known to repeat */
            else
            {
                /* [+-]digits, at most 18 characters: fits in 60 bits (fs is not terminated) */
                size_t q = (fs[0] == '+' || fs[0] == '-') ? 1 : 0;
                slong v = 0;
                for (; q < fl; q++)
                    v = 10 * v + (fs[q] - '0');
                iv[col] = fs[0] == '-' ? -v : v;
            }
        }
        else
            h->all_int = h->range = 0;
        col++;
        if (col > RC_MAX_ENTRIES)
        {
            more = -1;
            res = rc_err_set(c->err, RC_ELIMIT, "%s: line %ld: more than %ld fields", c->name,
                       (long) line, (long) RC_MAX_ENTRIES);
            break;
        }
    }
    while (more);
    fmpq_clear(t);
    h->ncols = col;
    h->distinct = 1;
    if (more >= 0 && h->all_int && known && col > 1)
    {
        slong k;
        qsort(iv, col, sizeof(slong), cmp_slong);
        for (k = 1; k < col; k++)
            if (iv[k] == iv[k - 1])
                h->distinct = 0;
    }
    flint_free(iv);
    return res;
}

/* The first row mixes numbers and text: neither a header nor a data row. */
static int mixed_error(csv * c, const row1_t * h, slong line)
{
    char snip[72];
    if (h->bad_code == RC_ELIMIT)
        return number_error(c, h->bad_code, line, h->bad_col, h->bad_s, h->bad_l, h->bad_why);
    _rc_io_snippet(snip, h->bad_s, h->bad_l, 60);
    return rc_err_set(c->err, RC_EINPUT, "%s: line %ld, field %ld: not a number: \"%s\" (the first "
                      "row mixes numbers and text, so it is neither a header nor a data row; say "
                      "--header yes if it is a header)", c->name, (long) line, (long) h->bad_col + 1,
                      snip);
}

/* the note's text: what was used */
static void note_used(rc_io_notes_t notes, const csv * c, int header, const char * why, int drop)
{
    const char * sep = c->sep == ',' ? "','" : c->sep == ';' ? "';'" : c->sep == '\t' ? "tab"
                       : "blanks";
    _rc_io_note(notes, "%s: delimited text, separator %s, %s (%s)%s", c->name, sep,
                header ? "first row is a header" : "no header", why,
                drop ? "; unnamed first column 0, 1, ..., N-1 (a pandas index) dropped" : "");
}

/* pass 1 over the rows after the first: field counts, size budget, and the facts the header
   rule needs (are all fields integer literals; is the first column 0, 1, 2, ...) */
static int pass1(csv * c, slong * n_rest, int * rest_int, int * index_col, slong ncols, slong line1)
{
    slong line, n = 0;
    double total_bits = 0.0;
    int more;
    *rest_int = 1;
    *index_col = 1;
    while (next_row(c))
    {
        slong col = 0;
        line = c->line;
        do
        {
            const char * fs;
            size_t fl;
            if ((more = next_field(c, &fs, &fl, col)) < 0)
                return RC_EINPUT;
            if (fl == 0)
                return number_error(c, RC_EINPUT, line, col, fs, fl, NULL);
            if (*rest_int && !is_int_lit(fs, fl))
                *rest_int = 0;
            if (col == 0 && *index_col && !is_canon(fs, fl, n))
                *index_col = 0;
            total_bits += _rc_io_literal_bits(fs, fl);
            if (total_bits > (double) RC_IO_MAX_VALUE_BITS)
                return rc_err_set(c->err, RC_ELIMIT, "%s: line %ld: the numbers up to here would "
                                  "need about %.3g bits as exact rationals, over the limit of 2^32 "
                                  "bits", c->name, (long) line, total_bits);
            col++;
        }
        while (more && col <= ncols);
        if (col != ncols || more)
        {
            while (more > 0)            /* count the rest of the row for the message */
            {
                const char * fs;
                size_t fl;
                if ((more = next_field(c, &fs, &fl, col)) < 0)
                    return RC_EINPUT;
                col++;
            }
            return rc_err_set(c->err, RC_EINPUT, "%s: line %ld: %ld fields, expected %ld (as in "
                              "line %ld)", c->name, (long) line, (long) col, (long) ncols,
                              (long) line1);
        }
        n++;
        if (n > RC_MAX_ENTRIES / ncols)
            return rc_err_set(c->err, RC_ELIMIT, "%s: more than %ld entries", c->name,
                              (long) RC_MAX_ENTRIES);
    }
    *n_rest = n;
    return RC_OK;
}

/* pass 2: the numbers, exactly (rows from the first data row; column 0 skipped when drop) */
static int pass2(rc_data_t data, csv * c, size_t start, int header, int drop, slong ncols)
{
    slong row, d = data->d, e = data->e;
    int r;
    const char * why;
    c->pos = start;
    c->line = 1;
    for (row = -header; next_row(c); row++)
    {
        slong col, line = c->line;
        for (col = 0; col < ncols; col++)
        {
            const char * fs;
            size_t fl;
            fmpq * x;
            slong k = col - drop;
            next_field(c, &fs, &fl, col);         /* checked in pass 1 */
            if (row < 0 || k < 0)
                continue;
            x = (k < d) ? data->X + row * d + k : data->Y + row * e + (k - d);
            why = NULL;
            r = (fl == 0) ? RC_EINPUT : rc_fmpq_set_strn(x, fs, fl, &why);
            if (r == RC_OK && looks_nonfinite(fs, fl))
                r = RC_EINPUT, why = "NaN and infinities are not numbers";
            if (r != RC_OK)
                return number_error(c, r, line, col, fs, fl, why);
        }
    }
    return RC_OK;
}

int rc_data_read_text_buf(rc_data_t data, rc_io_notes_t notes, const char * buf, size_t len,
                          slong e, rc_header_mode header_mode, const char * name, rc_err_t err)
{
    csv c;
    row1_t h;
    slong n_rest = 0, n, d, line1;
    int header = 0, drop = 0, pending = 0, rest_int, index_col, r;
    const char * why = "";
    size_t start;
    c.s = buf;
    c.len = len;
    c.line = 1;
    c.name = name;
    c.err = err;
    if (e == 0)
        e = 1;
    if (e < 1)
        return rc_err_set(err, RC_EINPUT, "%s: the number of output columns must be at least 1",
                          name);
    start = (len >= 3 && (unsigned char) buf[0] == 0xEF && (unsigned char) buf[1] == 0xBB
             && (unsigned char) buf[2] == 0xBF) ? 3 : 0;        /* UTF-8 byte order mark */
    c.pos = start;
    if (!next_row(&c))
        return rc_err_set(err, RC_EINPUT, "%s: no samples (empty file)", name);
    c.sep = find_sep(&c);
    line1 = c.line;
    if ((r = first_row(&c, &h, header_mode == RC_HEADER_YES)) != RC_OK)
        return r;
    if ((r = pass1(&c, &n_rest, &rest_int, &index_col, h.ncols, line1)) != RC_OK)
        return r;
    /* the header rule (see the top of this file) */
    if (header_mode != RC_HEADER_AUTO)
    {
        header = header_mode == RC_HEADER_YES;
        why = header ? "--header yes" : "--header no";
    }
    else if (h.nnum == 0 || h.first_empty)
    {
        header = 1;
        why = h.first_empty ? "auto: its first cell is empty" : "auto: no field of the first row is "
              "a number";
    }
    else if (h.nnum < h.ncols)
        return mixed_error(&c, &h, line1);
    else if (!h.all_int || !h.distinct)
        why = !h.all_int ? "auto: the first row holds numbers" : "auto: the first row holds "
              "integers with a repeated value, not column labels";
    else if (h.range && !rest_int)
    {
        header = 1;
        why = "auto: 0,1,...,n-1 above rows of non-integers: column labels as pandas writes them";
    }
    else
        pending = 1;
    if (header && h.first_empty)
    {
        if (!index_col || h.ncols < 2)
            return rc_err_set(err, RC_EINPUT, "%s: line %ld, field 1: empty header cell above a "
                              "first column that is not 0, 1, ..., N-1 (an unnamed index?): name "
                              "the column or remove it", name, (long) line1);
        drop = 1;
    }
    if (!header && n_rest + 1 > RC_MAX_ENTRIES / h.ncols)
        return rc_err_set(err, RC_ELIMIT, "%s: more than %ld entries", name, (long) RC_MAX_ENTRIES);
    n = n_rest + (header ? 0 : 1);
    if (h.ncols - drop <= e)
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: %ld columns, but %ld output column%s and "
                          "at least one input column are needed", name, (long) line1,
                          (long) (h.ncols - drop), (long) e, e == 1 ? "" : "s");
    if (n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: no samples (only a header row)", name);
    d = h.ncols - drop - e;
    if ((r = rc_data_init(data, n, d, e, err)) != RC_OK)
        return _rc_io_prefix_err(err, r, name);
    if ((r = pass2(data, &c, start, header, drop, h.ncols)) != RC_OK)
    {
        rc_data_clear(data);
        return r;
    }
    if (pending)
    {
        rc_data_clear(data);
        return rc_err_set(err, RC_EINPUT, "%s: line %ld: the first row (distinct integers%s) may be "
                          "column labels or a sample; say --header yes or --header no", name,
                          (long) line1, h.range ? " 0,1,...,n-1 above rows of integers" : "");
    }
    note_used(notes, &c, header, why, drop);
    return RC_OK;
}
