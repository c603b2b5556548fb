/* Members of an .npz (a zip of .npy files, stored or deflated, as numpy.savez and
   numpy.savez_compressed write) read one by one through libzip's decompressing reader. */
#include <zip.h>
#include "internal.h"

#define RC_NPZ_MAX_MEMBERS 4096

typedef struct
{
    zip_file_t * f;
}
zipsrc;

static int64_t zip_read(void * ctx, void * dst, size_t n, const char ** msg)
{
    zipsrc * z = ctx;
    size_t done = 0;
    while (done < n)
    {
        zip_int64_t k = zip_fread(z->f, (char *) dst + done, n - done);
        if (k < 0)
        {
            *msg = zip_file_strerror(z->f);
            return -1;
        }
        if (k == 0)
            break;
        done += (size_t) k;
    }
    return (int64_t) done;
}

int _rc_npz_read_archive(rc_npz_t z, zip_t * za, const char * name, rc_err_t err)
{
    zip_int64_t n = zip_get_num_entries(za, 0), i;
    slong used = 0, j;
    char label[600], snip[200];
    int r;
    rc_npz_clear(z);
    if (n < 0)
        return rc_err_set(err, RC_EINPUT, "%s: cannot list the archive", name);
    if (n > RC_NPZ_MAX_MEMBERS)
        return rc_err_set(err, RC_ELIMIT, "%s: more than %d members", name, RC_NPZ_MAX_MEMBERS);
    z->names = flint_calloc(FLINT_MAX(n, 1), sizeof(char *));
    z->arrays = flint_calloc(FLINT_MAX(n, 1), sizeof(rc_npy_struct));
    for (i = 0; i < n; i++)
    {
        const char * mname = zip_get_name(za, (zip_uint64_t) i, ZIP_FL_ENC_RAW);
        size_t mlen;
        zip_stat_t st;
        zipsrc src;
        _rc_io_reader rd;
        if (mname == NULL)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: member %ld: cannot read its name", name, (long) i);
            goto fail;
        }
        mlen = strlen(mname);
        _rc_io_snippet(snip, mname, mlen, 120);
        if (mlen <= 4 || strcmp(mname + mlen - 4, ".npy") != 0)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: member \"%s\" is not a .npy array", name, snip);
            goto fail;
        }
        z->names[i] = flint_malloc(mlen - 3);
        memcpy(z->names[i], mname, mlen - 4);
        z->names[i][mlen - 4] = '\0';
        z->num = i + 1;
        rc_npy_init(z->arrays + i);
        for (j = 0; j < i; j++)
            if (strcmp(z->names[j], z->names[i]) == 0)
            {
                r = rc_err_set(err, RC_EINPUT, "%s: member \"%s\" occurs twice", name, snip);
                goto fail;
            }
        _rc_io_snippet(snip, z->names[i], mlen - 4, 120);
        snprintf(label, sizeof(label), "%s: %s", name, snip);
        zip_stat_init(&st);
        if (zip_stat_index(za, (zip_uint64_t) i, 0, &st) != 0)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: %s", label, zip_strerror(za));
            goto fail;
        }
        src.f = zip_fopen_index(za, (zip_uint64_t) i, 0);
        if (src.f == NULL)
        {
            r = rc_err_set(err, RC_EINPUT, "%s: cannot open the member: %s", label, zip_strerror(za));
            goto fail;
        }
        rd.read = zip_read;
        rd.ctx = &src;
        rd.total = (st.valid & ZIP_STAT_SIZE) ? (size_t) st.size : SIZE_MAX;
        r = _rc_npy_read_stream(z->arrays + i, &rd, RC_MAX_ENTRIES - used, label, err);
        zip_fclose(src.f);
        if (r != RC_OK)
        {
            if (r == RC_ELIMIT && used > 0)
                rc_err_set(err, RC_ELIMIT, "%s: the arrays together exceed the limit of %ld entries",
                           label, (long) RC_MAX_ENTRIES);
            goto fail;
        }
        used += z->arrays[i].size;
    }
    return RC_OK;
fail:
    rc_npz_clear(z);
    return r;
}
