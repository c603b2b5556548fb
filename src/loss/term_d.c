/* One loss term in doubles (not certified).  BCE: log(1 + e^f) = max(f, 0) + log1p(e^-|f|),
   sigmoid(f) = 1 / (1 + e^-f) for f >= 0 and e^f / (1 + e^f) otherwise (no overflow). */
#include <math.h>
#include "relucert/loss.h"

void rc_loss_term_d(double * dl, double * acc, double f, double y, int kind)
{
    if (kind == RC_LOSS_BCE)
    {
        double t = exp(-fabs(f));
        if (acc != NULL)
            *acc += (f > 0 ? f : 0.0) + log1p(t) - y * f;
        if (dl != NULL)
            *dl = (f >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t)) - y;
    }
    else
    {
        double r = f - y;
        if (acc != NULL)
            *acc += r * r;
        if (dl != NULL)
            *dl = 2.0 * r;
    }
}
