import os
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__))); from reg2d import run
from collections import Counter
B=os.environ.get('RELUCERT','build/relucert')
random.seed(int(sys.argv[1])); N=int(sys.argv[2])
bad=0
for it in range(N):
    depth=random.randint(1,3); widths=[random.randint(1,int(sys.argv[3])) for _ in range(depth)]
    dims=[2]+widths+[1]
    net={"format":"relucert.network/1"}
    vals=[-2,-1,-1,0,0,1,1,2,'1/2','-1/2']
    for L in range(len(dims)-1):
        net['W%d'%(L+1)]=[[str(random.choice(vals)) for _ in range(dims[L])] for _ in range(dims[L+1])]
        if random.random()<0.8: net['b%d'%(L+1)]=[str(random.choice(vals)) for _ in range(dims[L+1])]
    fn='/tmp/rc-xcheck-n2dR.json'; json.dump(net,open(fn,'w'))
    R=F(10**6)
    mine=run(net,((-R,R),(-R,R)))
    h=dict(sorted(Counter(n-nb for _,n,nb,_ in mine).items())); nb=sum(1 for _,n,b_,_ in mine if b_==0)
    p=subprocess.run([B,'regions',fn,'--json','--all'],capture_output=True,text=True)
    if p.returncode!=0: print('RC',p.returncode,p.stderr,json.dumps(net)); bad+=1; continue
    j=json.loads(p.stdout)
    theirs={int(k):v for k,v in j['facets_hist'].items()}
    pats=sorted(r['pattern'] for r in j['region_list']); mp=sorted(p_ for p_,*_ in mine)
    if j['regions']!=len(mine) or theirs!=h or pats!=mp or j['bounded']!=nb:
        bad+=1; print('MISMATCH',json.dumps(net),'mine',len(mine),h,nb,'theirs',j['regions'],theirs,j['bounded'])
        if bad>5: sys.exit()
print('done',N,'bad',bad)
