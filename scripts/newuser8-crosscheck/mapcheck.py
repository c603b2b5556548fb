import os
import json, random, subprocess, sys
from fractions import Fraction as F
B=os.environ.get('RELUCERT','build/relucert')
random.seed(int(sys.argv[1])); N=int(sys.argv[2]); D=int(sys.argv[3])
bad=0
for it in range(N):
    depth=random.randint(1,3); dims=[D]+[random.randint(1,4) for _ in range(depth)]+[random.randint(1,2)]
    net={"format":"relucert.network/1"}
    vals=[-2,-1,-1,0,0,1,1,2,'1/2','-1/2','0.3']
    for L in range(len(dims)-1):
        net['W%d'%(L+1)]=[[str(random.choice(vals)) for _ in range(dims[L])] for _ in range(dims[L+1])]
        if random.random()<0.8: net['b%d'%(L+1)]=[str(random.choice(vals)) for _ in range(dims[L+1])]
    leak=F(0)
    if random.random()<0.4: leak=F(random.choice(['1/2','1/10'])); net['activation']={'leaky_relu':str(leak)}
    fn='/tmp/rc-xcheck-nm.json'; json.dump(net,open(fn,'w'))
    args=[B,'regions',fn,'--json','--all']+(['--box','-1:1'] if random.random()<0.5 else [])
    p=subprocess.run(args,capture_output=True,text=True)
    if p.returncode: print('RC',p.stderr); bad+=1; continue
    j=json.loads(p.stdout)
    for r in j['region_list']:
        x=[F(t) for t in r['point']]; h=x; pat=''; ok=True
        nL=len(dims)-1
        for L in range(nL):
            W=[[F(t) for t in row] for row in net['W%d'%(L+1)]]; b=[F(t) for t in net.get('b%d'%(L+1),['0']*len(W))]
            z=[sum(W[i][k]*h[k] for k in range(len(h)))+b[i] for i in range(len(W))]
            if L<nL-1:
                pat+=''.join('1' if t>0 else '0' for t in z)
                h=[t if t>0 else leak*t for t in z]
        A=[[F(t) for t in row] for row in r['map']['A']]; c=[F(t) for t in r['map']['c']]
        fx=[sum(A[i][k]*x[k] for k in range(D))+c[i] for i in range(len(c))]
        if pat!=r['pattern'] or fx!=z: bad+=1; print('BAD',json.dumps(net),r['pattern'],pat,fx,z); break
        # check map at a perturbed point equal too (affine on region): skip
print('done',N,'bad',bad)
