/* examples/components.c: the library without the CLI.  Reads a network and prints the number of
   connected components of its invariant set H(c), exactly.
   Build against an installed relucert (cmake --install build --prefix PREFIX):
     export PKG_CONFIG_PATH=PREFIX/lib/pkgconfig
     cc examples/components.c $(pkg-config --cflags --libs relucert) -Wl,-rpath,PREFIX/lib
   or with CMake: examples/cmake/CMakeLists.txt (find_package(relucert)).
   Run: ./a.out data/toy-obstructed.json   ->   components: 4 */
#include <stdio.h>
#include "relucert/io.h"
#include "relucert/hset.h"

int main(int argc, char ** argv)
{
    rc_net_t net;
    rc_hset_t h;
    rc_err_t err;
    fmpz_t b0;
    if (argc != 2)
    {
        fprintf(stderr, "usage: %s NET.json|NET.npz\n", argv[0]);
        return 2;
    }
    rc_err_init(err);
    if (rc_net_read(net, argv[1], err) != RC_OK)
    {
        fprintf(stderr, "%s\n", err->msg);
        return 2;
    }
    rc_hset_init(h, net->l, rc_net_dim_in(net), net->e);
    rc_hset_set_net(h, net);
    fmpz_init(b0);
    rc_hset_num_components(b0, h);
    printf("components: ");
    fmpz_print(b0);
    printf("\n");
    fmpz_clear(b0);
    rc_hset_clear(h);
    rc_net_clear(net);
    flint_cleanup();
    return 0;
}
