/* The relucert command layer: the table of subcommands and rc_cmd_main, which the executable
   (main.c) and the in-process runner of the Python package (run_capture.c) both call. */
#include <stdio.h>
#include <string.h>
#include "relucert/flint.h"
#include "relucert/version.h"
#include "cli.h"

typedef struct { const char * name; int (*run)(int, char **); const char * summary; } rc_cmd;

static const rc_cmd commands[] = {
    { "inspect", rc_cli_inspect, "levels, classes, components, Betti numbers of a network" },
    { "equiv",   rc_cli_equiv,   "are two networks equal up to neuron rescaling and permutation" },
    { "reach",   rc_cli_reach,   "is a symmetric copy of TARGET on the component of INIT" },
    { "canon",   rc_cli_canon,   "canonical form of a network under rescaling and permutation" },
    { "family",  rc_cli_family,  "exact components and Betti numbers over architecture/level families" },
    { "prob",    rc_cli_prob,    "certified level-sign statistics of an initialization scheme" },
    { "table",   rc_cli_table,   "sweeps of those statistics: CSV, Markdown and LaTeX tables" },
    { "descend", rc_cli_descend, "certified discrete gradient descent: levels, sides, sign flips" },
    { "replay",  rc_cli_replay,  "replay a float training log: exact levels, drift identity, sign changes" },
    { "obstruct", rc_cli_obstruct, "certified loss lower bound on a component; obstruction certificates" },
    { "flow",    rc_cli_flow,    "certified enclosure of the gradient flow over [0, T]" },
    { "check",   rc_cli_check,   "re-verify a certificate (flow, regions or obstruction)" },
    { "batch",   rc_cli_batch,   "run many jobs (a JSON-lines manifest) here or over MPI ranks" },
    { "construct", rc_cli_construct, "explicit global and local minimizers on clustered data, certified" },
    { "implicit", rc_cli_implicit, "implicit ReLU networks: well-posedness, exact equilibria, Gram lambda_min" },
    { "regions", rc_cli_regions, "exact linear regions of a deep network, facet histograms" },
    /* further subcommands: one line each */
};

static void usage(FILE * f)
{
    size_t i;
    fprintf(f, "usage: relucert COMMAND [ARGS...]   (relucert COMMAND --help for details)\n\n"
               "Exact and certified facts about the training of ReLU networks (shallow, deep, implicit).\n\n"
               "commands:\n");
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nexit status: 0 answered, 2 bad usage or input, 1 internal failure\n");
}

int rc_cmd_exists(const char * name)
{
    size_t i;
    if (strcmp(name, "--version") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0)
        return 1;
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(name, commands[i].name) == 0)
            return 1;
    return 0;
}

int rc_cmd_main(int argc, char ** argv)
{
    size_t i;
    int status;
    if (argc < 2)
    {
        usage(stderr);
        return RC_EXIT_USAGE;
    }
    if (rc_cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0)
    {
        usage(stdout);
        return RC_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0)
    {
        printf("relucert %s\n", RC_VERSION_STRING);
        return RC_EXIT_OK;
    }
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
        {
            status = commands[i].run(argc - 1, argv + 1);
            flint_cleanup();
            return status;
        }
    fprintf(stderr, "relucert: unknown command \"%s\" (relucert --help lists them)\n", argv[1]);
    return RC_EXIT_USAGE;
}
