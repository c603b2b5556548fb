import os
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__))); from reg2d import run
from collections import Counter
B=os.environ.get('RELUCERT','build/relucert')
random.seed(int(sys.argv[1])); N=int(sys.argv[2]); E=int(sys.argv[3])
bad=0
for it in range(N):
    depth=random.randint(1,3); dims=[2]+[random.randint(1,4) for _ in range(depth)]+[1]
    net={}
    def val():
        base=F(random.choice([-2,-1,1,2,3,'1/2','-1/3']))
        sc=random.choice([0,0,E,-E,E//2,-E//2, 1])
        return base*(F(2)**sc) if random.random()<0.5 else base*(F(10)**sc) if random.random()<0.5 else F(random.choice([0,1,-1]))
    for L in range(len(dims)-1):
        net['W%d'%(L+1)]=[[str(val()) for _ in range(dims[L])] for _ in range(dims[L+1])]
        net['b%d'%(L+1)]=[str(val()) for _ in range(dims[L+1])]
    fn='/tmp/rc-xcheck-ext.json'; json.dump(net,open(fn,'w'))
    lo,hi=random.choice([(F(-1),F(1)),(F(-1,10**E),F(1,10**E)),(F(-10**E),F(10**E))])
    mine=run(net,((lo,hi),(lo,hi)))
    h=dict(Counter(n for _,n,_,_ in mine)); mp_=sorted(p for p,*_ in mine)
    for extra in ([],['--lp']):
        p=subprocess.run([B,'regions',fn,'--box','%s:%s'%(lo,hi),'--json','--all']+extra,capture_output=True,text=True,timeout=120)
        if p.returncode: print('RC',p.returncode,p.stderr[:200]); bad+=1; continue
        j=json.loads(p.stdout)
        th={int(k):v for k,v in j['facets_hist'].items()}; pats=sorted(r['pattern'] for r in j['region_list'])
        vt=F(j['volume_total']) if 'volume_total' in j else None
        if j['regions']!=len(mine) or th!=h or pats!=mp_ or (vt is not None and vt!=(hi-lo)**2):
            bad+=1; print('MISMATCH',extra,json.dumps(net)[:3000],lo,hi,'mine',len(mine),h,'theirs',j['regions'],th,vt==(hi-lo)**2 if vt else None)
            if bad>3: sys.exit()
print('done',N,'bad',bad)
