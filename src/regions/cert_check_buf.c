/* rc_regions_cert_check_buf: parsing the certificate and running the checks of cert_check.c. */
#include "cert.h"

int _rc_cert_check_all(slong * num_regions, slong * facets_total, const rc_json_struct * doc,
                       const rc_mlp_struct * mlp, const fmpq * box, const char * name, rc_err_t err);

int rc_regions_cert_check_buf(slong * num_regions, slong * facets_total, const char * buf,
                              size_t len, const char * name, rc_err_t err)
{
    rc_json_struct * doc;
    const rc_json_struct * fmt, * B;
    rc_mlp_t mlp;
    fmpq * box = NULL;
    slong d;
    int r;
    if (rc_json_parse(&doc, buf, len, name, err) != RC_OK)
        return RC_EINPUT;
    fmt = rc_json_get(doc, "format");
    if (fmt == NULL || fmt->type != RC_JSON_STRING || strcmp(fmt->text, "relucert.regions-cert/1"))
    {
        rc_json_free(doc);
        return rc_err_set(err, RC_EINPUT, "%s: format: not relucert.regions-cert/1", name);
    }
    if (rc_mlp_set_json(mlp, rc_json_get(doc, "network"), name, err) != RC_OK)
    {
        rc_json_free(doc);
        return RC_EINPUT;
    }
    d = mlp->widths[0];
    B = rc_json_get(doc, "box");
    r = RC_OK;
    if (B != NULL && B->type != RC_JSON_NULL)
    {
        slong i;
        box = _fmpq_vec_init(2 * d);
        if (_rc_cert_vec(box, B, 2 * d))
            r = rc_err_set(err, RC_EINPUT, "%s: box: not %ld numbers", name, (long) (2 * d));
        for (i = 0; r == RC_OK && i < d; i++)
            if (fmpq_cmp(box + 2 * i, box + 2 * i + 1) >= 0)
                r = rc_err_set(err, RC_EINPUT, "%s: box: interval %ld is empty", name, (long) i);
    }
    if (r == RC_OK)
        r = _rc_cert_check_all(num_regions, facets_total, doc, mlp, box, name, err);
    if (box != NULL)
        _fmpq_vec_clear(box, 2 * d);
    rc_mlp_clear(mlp);
    rc_json_free(doc);
    return r;
}
