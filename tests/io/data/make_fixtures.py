# Writes .npz files exactly the way numpy.savez / numpy.savez_compressed do (numpy/lib/npyio.py,
# _savez: zipfile with allowZip64=True, each member opened with force_zip64=True), using only
# the Python standard library, so the test fixtures do not need numpy.
import struct, zipfile

def npy(descr, shape, data):
    d = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape)
    hl = len(d) + 1
    while (10 + hl) % 64:
        hl += 1
    return b'\x93NUMPY\x01\x00' + struct.pack('<H', hl) + d.encode() + b' ' * (hl - len(d) - 1) + b'\n' + data

f8 = lambda *v: struct.pack('<%dd' % len(v), *v)
for comp, name in [(zipfile.ZIP_STORED, 'np-savez.npz'), (zipfile.ZIP_DEFLATED, 'np-savez-compressed.npz')]:
    with zipfile.ZipFile(name, mode="w", compression=comp, allowZip64=True) as zipf:
        for key, val in [('W1', npy('<f8', '(2, 1)', f8(0.3, -0.4))), ('W2', npy('<f8', '(1, 2)', f8(0.8, 0.6)))]:
            with zipf.open(key + '.npy', 'w', force_zip64=True) as fid:
                fid.write(val)
