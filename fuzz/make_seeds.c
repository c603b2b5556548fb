/* Writes seed inputs for the fuzzers into DIR/{npy,npz,csv,json}: valid .npy images of every
   supported dtype and layout, .npz networks and datasets (stored and deflated), small CSV and
   JSON documents.  Usage: make_seeds DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static size_t npy(unsigned char * out, int major, const char * descr, int fortran,
                  const char * shape, const void * data, size_t nbytes)
{
    char dict[256];
    size_t pre = (major == 1) ? 10 : 12, dl, hl;
    snprintf(dict, sizeof(dict), "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr,
             fortran ? "True" : "False", shape);
    dl = strlen(dict);
    hl = dl + 1;
    while ((pre + hl) % 64 != 0)
        hl++;
    memcpy(out, "\x93NUMPY", 6);
    out[6] = (unsigned char) major;
    out[7] = 0;
    out[8] = (unsigned char) (hl & 0xff);
    out[9] = (unsigned char) (hl >> 8);
    if (major > 1)
        out[10] = out[11] = 0;
    memcpy(out + pre, dict, dl);
    memset(out + pre + dl, ' ', hl - dl - 1);
    out[pre + hl - 1] = '\n';
    memcpy(out + pre + hl, data, nbytes);
    return pre + hl + nbytes;
}

static void put(const char * dir, const char * sub, const char * name, const void * b, size_t n)
{
    char path[1024];
    FILE * f;
    snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
    f = fopen(path, "wb");
    if (f == NULL) { perror(path); exit(1); }
    fwrite(b, 1, n, f);
    fclose(f);
}

static void npz(const char * dir, const char * name, int num, const char ** names,
                unsigned char ** bufs, const size_t * lens, int deflate)
{
    char path[1024], member[64];
    int code, i;
    zip_t * za;
    snprintf(path, sizeof(path), "%s/npz/%s", dir, name);
    za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (za == NULL) { fprintf(stderr, "%s: cannot create\n", path); exit(1); }
    for (i = 0; i < num; i++)
    {
        zip_int64_t k;
        snprintf(member, sizeof(member), "%s.npy", names[i]);
        k = zip_file_add(za, member, zip_source_buffer(za, bufs[i], lens[i], 0), 0);
        zip_set_file_compression(za, (zip_uint64_t) k, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (zip_close(za) != 0) { fprintf(stderr, "%s: cannot write\n", path); exit(1); }
}

int main(int argc, char ** argv)
{
    static unsigned char b[8][4096];
    size_t n[8];
    double W1[6] = { 0.3, -0.4, 1.5, 0.25, -2, 1e-3 }, b1[3] = { 0.1, 0.1, -1 };
    double W2[6] = { 0.8, 0.6, -0.5, 1, 2, 3 }, b2[2] = { 0, 1 };
    float W1f[6] = { 0.3f, -0.4f, 1.5f, 0.25f, -2, 1e-3f };
    unsigned char be[48];
    long long i8[4] = { -5, 0, 1LL << 53, 7 };
    unsigned char bools[3] = { 0, 1, 1 };
    unsigned short half[1] = { 0x3555 };
    const char * dir;
    int k;
    if (argc != 2) { fprintf(stderr, "usage: make_seeds DIR\n"); return 2; }
    dir = argv[1];
    for (k = 0; k < 48; k++)
        be[k] = ((unsigned char *) W1)[(k / 8) * 8 + 7 - k % 8];
    /* npy: every dtype family, versions 1-3, Fortran order, big-endian, 0-d, empty */
    n[0] = npy(b[0], 1, "<f8", 0, "(3, 2)", W1, 48);                 put(dir, "npy", "f8.npy", b[0], n[0]);
    n[0] = npy(b[0], 2, ">f8", 1, "(2, 3)", be, 48);                 put(dir, "npy", "f8be_fortran.npy", b[0], n[0]);
    n[0] = npy(b[0], 3, "<f4", 0, "(6,)", W1f, 24);                  put(dir, "npy", "f4_v3.npy", b[0], n[0]);
    n[0] = npy(b[0], 1, "<i8", 0, "(2, 2)", i8, 32);                 put(dir, "npy", "i8.npy", b[0], n[0]);
    n[0] = npy(b[0], 1, "|b1", 0, "(3,)", bools, 3);                 put(dir, "npy", "b1.npy", b[0], n[0]);
    n[0] = npy(b[0], 1, "<f2", 0, "()", half, 2);                    put(dir, "npy", "f2_scalar.npy", b[0], n[0]);
    n[0] = npy(b[0], 1, "|u1", 0, "(0, 4)", bools, 0);               put(dir, "npy", "u1_empty.npy", b[0], n[0]);
    /* npz networks and a dataset */
    {
        const char * nn[4] = { "W1", "b1", "W2", "b2" };
        n[0] = npy(b[0], 1, "<f8", 0, "(3, 2)", W1, 48);
        n[1] = npy(b[1], 1, "<f8", 0, "(3,)", b1, 24);
        n[2] = npy(b[2], 1, "<f8", 0, "(2, 3)", W2, 48);
        n[3] = npy(b[3], 1, "<f8", 0, "(2,)", b2, 16);
        npz(dir, "net_stored.npz", 4, nn, (unsigned char *[]) { b[0], b[1], b[2], b[3] }, n, 0);
        n[0] = npy(b[0], 1, "<f4", 0, "(3, 2)", W1f, 24);
        npz(dir, "net_deflated_f4.npz", 3, nn, (unsigned char *[]) { b[0], b[1], b[2] }, n, 1);
    }
    {
        const char * nd[2] = { "X", "y" };
        n[0] = npy(b[0], 1, "<f8", 0, "(3, 2)", W1, 48);
        n[1] = npy(b[1], 1, "<f8", 0, "(3,)", b1, 24);
        npz(dir, "data.npz", 2, nd, (unsigned char *[]) { b[0], b[1] }, n, 1);
    }
    /* csv and json */
    {
        const char * c1 = "x1,x2,y\n1,0.1,-7/3\n0x1.8p-1,2e-3,5\n";
        const char * c2 = "# savetxt\n1.000000000000000000e+00,2.500000000000000000e-01\r\n\"3\",4\n";
        const char * j1 = "{\"format\": \"relucert.network/1\", \"activation\": {\"leaky_relu\": \"0.01\"}, "
                          "\"W1\": [[\"0.3\"], [-0.4]], \"b1\": [\"0.1\", \"1/3\"], \"W2\": [[\"0x1.8p-1\", 6e2]], \"b2\": [\"0\"]}";
        const char * j2 = "{\"X\": [[1, 2], [3, 4]], \"y\": [\"0.5\", -1], \"s\": \"\\u00e9\\ud83d\\ude00\\n\"}";
        put(dir, "csv", "a.csv", c1, strlen(c1));
        put(dir, "csv", "b.csv", c2, strlen(c2));
        put(dir, "json", "net.json", j1, strlen(j1));
        put(dir, "json", "data.json", j2, strlen(j2));
    }
    return 0;
}
