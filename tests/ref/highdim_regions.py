"""Regions in R^4 and R^5 (box and no box) against regions_ref.py, certificates checked.
usage: highdim_regions.py [RELUCERT]  (default build/relucert)"""
import json, random, subprocess, sys
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regions_ref as R, fuzz_regions as FZ
from fractions import Fraction as F
RC = sys.argv[1] if len(sys.argv) > 1 else "build/relucert"
import tempfile
TMP = tempfile.mkdtemp()
rng=random.Random(4)
bad=0; tot=0
for it in range(16):
    d=rng.choice([4,5])
    widths=[rng.randint(2,5) for _ in range(rng.randint(1,2))]
    sizes=[d]+widths+[2]
    Ws=[[[F(rng.randint(-2,2)) for _ in range(sizes[k])] for _ in range(sizes[k+1])] for k in range(len(sizes)-1)]
    bs=[[F(rng.randint(-2,2)) for _ in range(sizes[k+1])] for k in range(len(sizes)-1)]
    net=(Ws,bs,F(0))
    box=[(F(-1),F(1))]*d if rng.random()<0.6 else None
    json.dump(FZ.net_json(net),open(os.path.join(TMP, "d45.json"),"w"))
    ref=R.regions(net,box); tot+=len(ref)
    p=FZ.run(RC,os.path.join(TMP, "d45.json"),box,["--certificate",os.path.join(TMP, "d45.cert")])
    b=FZ.compare(ref,box,json.loads(p.stdout),net)
    q=subprocess.run([RC,"check",os.path.join(TMP, "d45.cert")],capture_output=True)
    if b or q.returncode: print(it,d,box is not None,b[:3],q.returncode); bad+=1
print("d45 nets 16 regions",tot,"bad",bad)
