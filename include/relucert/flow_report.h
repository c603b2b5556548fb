/* relucert/flow_report.h: what `relucert flow` reports about an integration, as library calls.

   rc_flow_report_t gathers the facts a reader of a flow result wants beyond rc_flow_result_t:
   whether the trajectory provably stays on its component of H(c), and (optionally) how far a
   double-precision RK4 solution of the same flow strays from the certified enclosures.  The
   writers put the `relucert flow` output (doc/formats.md "relucert flow ... --json", format
   "relucert.flow/1"; and the readable text) into any rc_jsonw_t sink: a stream or a buffer. */
#ifndef RELUCERT_FLOW_REPORT_H
#define RELUCERT_FLOW_REPORT_H
#include "relucert/flow.h"
#include "relucert/jsonw.h"
#ifdef __cplusplus
extern "C" {
#endif

#define RC_FLOW_COMPARE_POINTS 10

typedef struct
{
    const char * time_str;   /* T as the user spelled it (exact rational string); not owned */
    int stays;               /* 1: every disconnected neuron's sign proved constant on [0, T]
                                (and, when not certified, the integration reached T) */
    double seconds;          /* CPU seconds of the integration (reported, never decided on) */
    int compared;            /* 1: the float comparison below was computed */
    double max_distance;     /* max over the points of the sup-distance from the RK4 solution
                                (h = 1/512, double) to the enclosure of theta at that time */
    slong npoints;           /* points filled, <= RC_FLOW_COMPARE_POINTS */
    double t[RC_FLOW_COMPARE_POINTS], distance[RC_FLOW_COMPARE_POINTS];
}
rc_flow_report_struct;

typedef rc_flow_report_struct rc_flow_report_t[1];

/* Fills stays from res (T: the requested end time); compared = 0, seconds as given. */
void rc_flow_report_init(rc_flow_report_t rep, const rc_flow_result_t res, const rc_flow_problem_t pr,
                         const fmpq_t T, const char * time_str, double seconds);

/* The float comparison: RK4 (h = 1/512, double) from theta0 along res->trace, at up to
   RC_FLOW_COMPARE_POINTS evenly spaced accepted steps, the distance max_j max(0, |x_j - mid_j|
   - rad_j) (0 when the float point lies in the enclosure).  A diagnostic, not a proof. */
void rc_flow_report_compare_float(rc_flow_report_t rep, const rc_flow_result_t res,
                                  const rc_flow_problem_t pr);

/* `relucert flow --json`: one JSON object and a newline (keys: doc/formats.md). */
void rc_flow_result_write_json(rc_jsonw_t w, const rc_flow_result_t res, const rc_flow_problem_t pr,
                               const rc_flow_report_t rep);

/* The readable report of `relucert flow`. */
void rc_flow_result_write_text(rc_jsonw_t w, const rc_flow_result_t res, const rc_flow_problem_t pr,
                               const rc_flow_report_t rep);

#ifdef __cplusplus
}
#endif
#endif
