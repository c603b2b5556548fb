import os
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__))); from regnd import run
from collections import Counter
B=os.environ.get('RELUCERT','build/relucert')
random.seed(int(sys.argv[1])); N=int(sys.argv[2]); D=int(sys.argv[3]); Wmax=int(sys.argv[4])
bad=0; tot=0
for it in range(N):
    depth=random.randint(1,2); widths=[random.randint(1,Wmax) for _ in range(depth)]
    dims=[D]+widths+[1]
    net={"format":"relucert.network/1"}
    vals=[-2,-1,-1,0,0,1,1,2,'1/2','-1/2']
    for L in range(len(dims)-1):
        net['W%d'%(L+1)]=[[str(random.choice(vals)) for _ in range(dims[L])] for _ in range(dims[L+1])]
        if random.random()<0.8: net['b%d'%(L+1)]=[str(random.choice(vals)) for _ in range(dims[L+1])]
    fn='/tmp/rc-xcheck-nndR.json'; json.dump(net,open(fn,'w'))
    R=F(10**5)
    mine=run(net,[(-R,R)]*D)
    h=dict(sorted(Counter(n-nb for _,n,nb in mine).items())); nbd=sum(1 for _,n,b_ in mine if b_==0)
    p=subprocess.run([B,'regions',fn,'--json','--all'],capture_output=True,text=True)
    if p.returncode!=0: print('RC',p.returncode,p.stderr,json.dumps(net)); bad+=1; continue
    j=json.loads(p.stdout); tot+=j['regions']
    theirs={int(k):v for k,v in j['facets_hist'].items()}
    pats=sorted(r['pattern'] for r in j['region_list']); mp=sorted(p_ for p_,*_ in mine)
    if j['regions']!=len(mine) or theirs!=h or pats!=mp or j['bounded']!=nbd:
        bad+=1; print('MISMATCH',json.dumps(net),'mine',len(mine),h,nbd,'theirs',j['regions'],theirs,j['bounded'])
        if bad>5: sys.exit()
    # rays: check P + t y subset P: y must satisfy linear parts of facet constraints >= 0 -- check via forward at point + big t keeps pattern
    for r in j['region_list']:
        if not r['bounded']:
            y=[F(t) for t in r['ray']]; x=[F(t) for t in r['point']]
            for tt in [F(1),F(10**6)]:
                z=[xi+tt*yi for xi,yi in zip(x,y)]; h_=z; pat=''
                nL=len(dims)-1
                for L in range(nL-1):
                    W=[[F(t) for t in row] for row in net['W%d'%(L+1)]]; b=[F(t) for t in net.get('b%d'%(L+1),['0']*len(W))]
                    zz=[sum(W[i][k]*h_[k] for k in range(len(h_)))+b[i] for i in range(len(W))]
                    pat+=''.join('1' if t>0 else '0' for t in zz); h_=[max(t,0) for t in zz]
                if pat!=r['pattern']: print('RAY leaves region?', r['pattern'],pat,json.dumps(net)); bad+=1
print('done',N,'bad',bad,'regions',tot)
