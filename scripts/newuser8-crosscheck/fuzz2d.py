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
    leak=F(0)
    if random.random()<0.3:
        leak=F(random.choice(['1/2','1/10','0'])); net['activation']={'leaky_relu':str(leak)}
    boxv=random.choice([(-1,1),(0,1),(-2,1),('-1/2','1/2')])
    lo,hi=F(boxv[0]),F(boxv[1])
    fn='/tmp/rc-xcheck-n2d.json'; json.dump(net,open(fn,'w'))
    mine=run(net,((lo,hi),(lo,hi)),leak)
    h=dict(sorted(Counter(n for _,n,_,_ in mine).items())); hi_=dict(sorted(Counter(n-nb for _,n,nb,_ in mine).items()))
    for extra in ([],['--lp']):
        p=subprocess.run([B,'regions',fn,'--box','%s:%s'%(lo,hi),'--json','--all']+extra,capture_output=True,text=True)
        if p.returncode!=0: print('RC',p.returncode,p.stderr,json.dumps(net)); bad+=1; continue
        j=json.loads(p.stdout)
        theirs={int(k):v for k,v in j['facets_hist'].items()}; ti={int(k):v for k,v in j['facets_hist_interior'].items()}
        pats=sorted(r['pattern'] for r in j['region_list']); mp=sorted(p_ for p_,*_ in mine)
        vols={r['pattern']:F(r['volume']) for r in j['region_list']}
        myv={p_:a for p_,_,_,a in mine}
        inn=dict(Counter(n for _,n,nb_,_ in mine if nb_==0)); tin={int(k):v for k,v in j['facets_hist_inner'].items()}
        if tin!=inn: print('INNER',tin,inn); bad+=1
        if j['regions']!=len(mine) or theirs!=h or ti!=hi_ or pats!=mp or vols!=myv:
            bad+=1; print('MISMATCH',extra,json.dumps(net),lo,hi,'mine',len(mine),h,hi_,'theirs',j['regions'],theirs,ti)
            if bad>5: sys.exit()
print('done',N,'bad',bad)
