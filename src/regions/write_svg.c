/* SVG picture of the regions of a 2-D network in a box: every kept region's polygon, filled
   with a colour derived from its index, outlined in black.  Coordinates are the nearest
   doubles of the exact vertices (a picture, not a proof). */
#include "internal.h"

int rc_regions_write_svg(FILE * f, const rc_regions_t res, rc_err_t err)
{
    slong i, t;
    double x0, x1, y0, y1, W = 800.0, Hh;
    if (res->d != 2 || !res->has_box)
        return rc_err_set(err, RC_EINPUT, "--plot: needs a 2-D network and --box");
    x0 = fmpq_get_d(res->box + 0); x1 = fmpq_get_d(res->box + 1);
    y0 = fmpq_get_d(res->box + 2); y1 = fmpq_get_d(res->box + 3);
    Hh = W * (y1 - y0) / (x1 - x0);
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.3f %.3f\">\n", W, Hh, W, Hh);
    for (i = 0; i < res->num_kept; i++)
    {
        const rc_region_struct * r = res->regions + i;
        ulong h = (ulong) i * UWORD(2654435761) + 12345;
        if (r->verts == NULL)
            continue;
        fprintf(f, "<polygon fill=\"rgb(%d,%d,%d)\" stroke=\"black\" stroke-width=\"0.4\" points=\"",
                (int) (120 + (h % 120)), (int) (120 + ((h >> 8) % 120)), (int) (120 + ((h >> 16) % 120)));
        for (t = 0; t < r->nverts; t++)
            fprintf(f, "%s%.3f,%.3f", t ? " " : "",
                    W * (fmpq_get_d(r->verts + 2 * t) - x0) / (x1 - x0),
                    Hh * (y1 - fmpq_get_d(r->verts + 2 * t + 1)) / (y1 - y0));
        fputs("\"/>\n", f);
    }
    fputs("</svg>\n", f);
    return RC_OK;
}
