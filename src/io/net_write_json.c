/* relucert.network/1 with exact strings ("p/q" in lowest terms, or "p"), so reading the output
   back gives the same rationals (rc_fmpq_get_str, rc_fmpq_set_strn). */
#include "internal.h"

void _rc_io_write_num(FILE * f, const fmpq_t x)
{
    rc_fmpq_fprint_json(f, x);
}

void _rc_io_write_vec(FILE * f, const fmpq * v, slong n)
{
    rc_fmpq_vec_fprint_json(f, v, n, ", ");
}

void _rc_io_write_mat(FILE * f, const fmpq * M, slong r, slong c)
{
    slong i;
    fputc('[', f);
    for (i = 0; i < r; i++)
    {
        fputs(i > 0 ? ",\n    " : "\n    ", f);
        _rc_io_write_vec(f, M + i * c, c);
    }
    fputs("\n  ]", f);
}

void rc_net_write_json(FILE * f, const rc_net_t net)
{
    fputs("{\n  \"format\": \"relucert.network/1\",\n  \"activation\": ", f);
    if (fmpq_is_zero(net->leak))
        fputs("\"relu\"", f);
    else
    {
        fputs("{\"leaky_relu\": ", f);
        _rc_io_write_num(f, net->leak);
        fputc('}', f);
    }
    fputs(",\n  \"W1\": ", f);
    _rc_io_write_mat(f, net->W1, net->l, net->d);
    if (net->has_b1)
    {
        fputs(",\n  \"b1\": ", f);
        _rc_io_write_vec(f, net->b1, net->l);
    }
    fputs(",\n  \"W2\": ", f);
    _rc_io_write_mat(f, net->W2, net->e, net->l);
    if (net->has_b2)
    {
        fputs(",\n  \"b2\": ", f);
        _rc_io_write_vec(f, net->b2, net->e);
    }
    fputs("\n}\n", f);
}
