import os
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__))); import regnd
from scipy.spatial import ConvexHull
B=os.environ.get('RELUCERT','build/relucert')
# monkeypatch run to also capture vertices
src=open(''+os.path.join(os.path.dirname(os.path.abspath(__file__)),'regnd.py')+'').read().replace("res.append((pt,nf,nbx))","res.append((pt,nf,nbx,Vs))")
ns={}; exec(compile(src.split("if __name__")[0],'r','exec'),ns)
random.seed(int(sys.argv[1])); N=int(sys.argv[2]); D=int(sys.argv[3])
bad=0;cnt=0
for it in range(N):
    dims=[D]+[random.randint(1,4) for _ in range(random.randint(1,2))]+[1]
    net={}
    vals=[-2,-1,-1,0,1,1,2,'1/2','-1/2','1/3']
    for L in range(len(dims)-1):
        net['W%d'%(L+1)]=[[str(random.choice(vals)) for _ in range(dims[L])] for _ in range(dims[L+1])]
        net['b%d'%(L+1)]=[str(random.choice(vals)) for _ in range(dims[L+1])]
    json.dump(net,open('/tmp/rc-xcheck-v3.json','w'))
    mine=ns['run'](net,[(F(-1),F(1))]*D)
    j=json.loads(subprocess.run([B,'regions','/tmp/rc-xcheck-v3.json','--box','-1:1','--all','--json'],capture_output=True,text=True).stdout)
    vols={r['pattern']:F(r['volume']) for r in j['region_list'] if 'volume' in r}
    for pt,nf,nb,V in mine:
        v=ConvexHull([[float(t) for t in p] for p in V]).volume
        cnt+=1
        if abs(v-float(vols.get(pt,-1)))>1e-9: bad+=1; print('VOL',pt,v,vols.get(pt),json.dumps(net))
print('regions',cnt,'bad',bad)
