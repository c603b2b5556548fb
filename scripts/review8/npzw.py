"""review8: write a float64 .npz without numpy. arrays: name -> (shape, flat list)."""
import struct, zipfile, sys
def npy(shape, flat):
    hdr = "{'descr': '<f8', 'fortran_order': False, 'shape': %s, }" % (
        '()' if shape == () else '(' + ', '.join(str(s) for s in shape) + (',)' if len(shape) == 1 else ')'))
    hl = len(hdr) + 1
    pad = (64 - (10 + hl) % 64) % 64
    hdr = hdr + ' ' * pad + '\n'
    return b'\x93NUMPY\x01\x00' + struct.pack('<H', len(hdr)) + hdr.encode() + struct.pack('<%dd' % len(flat), *flat)
def write(path, arrays):
    with zipfile.ZipFile(path, 'w') as z:
        for k, (shape, flat) in arrays.items():
            z.writestr(k + '.npy', npy(shape, flat))
