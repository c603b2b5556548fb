/* relucert.network/1 with exact strings ("p/q" in lowest terms, or "p"), so reading the output
   back gives the same rationals (rc_fmpq_get_str, rc_fmpq_set_strn). */
#include "internal.h"
#include "relucert/jsonw.h"

void _rc_io_write_num(rc_jsonw_t w, const fmpq_t x)
{
    rc_jsonw_fmpq(w, x);
}

void _rc_io_write_vec(rc_jsonw_t w, const fmpq * v, slong n)
{
    rc_jsonw_fmpq_vec(w, v, n, ", ");
}

void _rc_io_write_mat(rc_jsonw_t w, const fmpq * M, slong r, slong c)
{
    slong i;
    rc_jsonw_printf(w, "%c", '[');
    for (i = 0; i < r; i++)
    {
        rc_jsonw_puts(w, i > 0 ? ",\n    " : "\n    ");
        _rc_io_write_vec(w, M + i * c, c);
    }
    rc_jsonw_puts(w, "\n  ]");
}

void rc_net_write_json(rc_jsonw_t w, const rc_net_t net)
{
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.network/1\",\n  \"activation\": ");
    if (fmpq_is_zero(net->leak))
        rc_jsonw_puts(w, "\"relu\"");
    else
    {
        rc_jsonw_puts(w, "{\"leaky_relu\": ");
        _rc_io_write_num(w, net->leak);
        rc_jsonw_printf(w, "%c", '}');
    }
    rc_jsonw_puts(w, ",\n  \"W1\": ");
    _rc_io_write_mat(w, net->W1, net->l, net->d);
    if (net->has_b1)
    {
        rc_jsonw_puts(w, ",\n  \"b1\": ");
        _rc_io_write_vec(w, net->b1, net->l);
    }
    rc_jsonw_puts(w, ",\n  \"W2\": ");
    _rc_io_write_mat(w, net->W2, net->e, net->l);
    if (net->has_b2)
    {
        rc_jsonw_puts(w, ",\n  \"b2\": ");
        _rc_io_write_vec(w, net->b2, net->e);
    }
    rc_jsonw_puts(w, "\n}\n");
}
