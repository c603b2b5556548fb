import os
import json, random, subprocess, sys, itertools
from fractions import Fraction as F
import mpmath as mp, sympy as sp
mp.mp.dps=80
B=os.environ.get('RELUCERT','build/relucert')
random.seed(int(sys.argv[1])); N=int(sys.argv[2])
def solve(M,r):
    n=len(M)
    if n==0: return []
    Ms=sp.Matrix(M); 
    if Ms.det()==0: return None
    x=Ms.LUsolve(sp.Matrix(r)); return [F(int(sp.fraction(t)[0]),int(sp.fraction(t)[1])) for t in x]
def equilibria(g,A,u):
    m=len(A); sols=[]; cont=False
    for S in itertools.product([0,1],repeat=m):
        idx=[i for i in range(m) if S[i]]
        M=[[sp.Rational(int(i==j))-sp.Rational(g*A[i][j]) for j in idx] for i in idx]
        zS=solve(M,[sp.Rational(u[i]) for i in idx])
        if zS is None: cont=True; continue
        z=[F(0)]*m
        for k,i in enumerate(idx): z[i]=zS[k]
        pre=[g*sum(A[i][j]*z[j] for j in range(m))+u[i] for i in range(m)]
        if all(z[i]==max(pre[i],0) for i in range(m)):
            if z not in sols: sols.append(z)
    return sols,cont
bad=0; stats={}
vals=['0','1','-1','1/2','-1/2','2','-2','3/4','1/3']
for it in range(N):
    m=random.randint(1,int(sys.argv[3]) if len(sys.argv)>3 else 3); g=F(random.choice(['1/2','1','2','1/4','3'])); d=random.randint(1,2); e=random.randint(1,2); n=random.randint(1,4)
    A=[[F(random.choice(vals)) for _ in range(m)] for _ in range(m)]
    kind=random.random()
    if kind<0.3:
        # norm exactly 1/g or near: rank one u v^T with |u||v| rational
        u=[F(0)]*m; v=[F(0)]*m
        u[random.randrange(m)]=F(3,5); u[random.randrange(m)]+=F(4,5)
        v[random.randrange(m)]=F(random.choice([1,-1]))
        nu=sum(t*t for t in u)
        A=[[u[i]*v[j] for j in range(m)] for i in range(m)]
        g=F(1) if random.random()<0.5 else random.choice([F(1)-F(1,10**30),F(1)+F(1,10**30)])
    elif kind<0.5:
        # permutation-like with signs times 1/g
        perm=list(range(m)); random.shuffle(perm)
        A=[[F(random.choice([1,-1])) if perm[i]==j else F(0) for j in range(m)] for i in range(m)]
        g=random.choice([F(1),F(1)-F(1,10**30),F(1,2)])
    W=[[F(random.choice(vals)) for _ in range(d)] for _ in range(m)]
    b=[F(random.choice(vals)) for _ in range(m)]
    U=[[F(random.choice(vals)) for _ in range(m)] for _ in range(e)]
    c=[F(random.choice(vals)) for _ in range(e)]
    X=[[F(random.choice(vals)) for _ in range(d)] for _ in range(n)]
    Y=[[F(random.choice(vals)) for _ in range(e)] for _ in range(n)]
    s=lambda M:[[str(x) for x in r] for r in M]
    net={"format":"relucert.implicit-network/1","gamma":str(g),"A":s(A),"W":s(W),"b":[str(x) for x in b],"U":s(U),"c":[str(x) for x in c]}
    data={"format":"relucert.dataset/1","X":s(X),"y":s(Y)}
    json.dump(net,open('/tmp/rc-xcheck-inet.json','w')); json.dump(data,open('/tmp/rc-xcheck-idata.json','w'))
    p=subprocess.run([B,'implicit','/tmp/rc-xcheck-inet.json','/tmp/rc-xcheck-idata.json','--json']+sys.argv[4:],capture_output=True,text=True,timeout=60)
    if p.returncode: print('RC',p.returncode,p.stderr); bad+=1; continue
    j=json.loads(p.stdout); msgs=[]
    # norm
    gA=mp.matrix([[mp.mpf(x.numerator)/x.denominator*mp.mpf(g.numerator)/g.denominator for x in r] for r in A])
    nrm=max(mp.svd_r(gA,compute_uv=False)) if m>0 else 0
    if j['norm_bound'] is not None:
        lo,hi=mp.mpf(j['norm_bound'][0]),mp.mpf(j['norm_bound'][1])
        if not (lo-mp.mpf(10)**-70<=nrm<=hi+mp.mpf(10)**-70): msgs.append('norm %s not in %s'%(nrm,j['norm_bound']))
    if j['well_posed_decided']:
        truth = nrm<1-mp.mpf(10)**-45
        if abs(nrm-1)<=mp.mpf(10)**-45: truth=None
        if truth is not None and j['well_posed']!=truth: msgs.append('well_posed %s but norm %s'%(j['well_posed'],nrm))
    rho=max(abs(ev) for ev in mp.eig(mp.matrix([[abs(x) for x in r] for r in gA.tolist()]))[0])
    for oc in j['other_conditions']:
        if oc['decided'] and oc['holds']!=(rho<1): msgs.append('rho %s claimed %s'%(rho,oc['holds'])) if abs(rho-1)>1e-30 else None
    allsols=[];anycont=False
    for i in range(n):
        u=[sum(W[k][t]*X[i][t] for t in range(d))+b[k] for k in range(m)]
        sols,cont=equilibria(g,A,u); allsols.append(sols); anycont|=cont
        eq=j['equilibria'][i]
        if eq['exact']:
            z=[F(t) for t in eq['z']]
            if z not in sols and not cont: msgs.append('sample %d z %s not among %s'%(i,z,sols))
            pre=[g*sum(A[a][bb]*z[bb] for bb in range(m))+u[a] for a in range(m)]
            if any(z[a]!=max(pre[a],0) for a in range(m)): msgs.append('z not a fixed point')
            out=[sum(U[k][t]*z[t] for t in range(m))+c[k] for k in range(e)]
            if [F(t) for t in eq['output']]!=out: msgs.append('output')
        elif eq['found']:
            # ball: check contains the unique sol
            if len(sols)==1 and not cont:
                for k in range(m):
                    lo,hi=mp.mpf(eq['z'][k][0]),mp.mpf(eq['z'][k][1]); t=sols[0][k]
                    if not (lo<=mp.mpf(t.numerator)/t.denominator<=hi): msgs.append('ball sample %d coord %d %s not in %s'%(i,k,t,eq['z'][k]))
                out=[sum(U[k][t]*sols[0][t] for t in range(m))+c[k] for k in range(e)]
                for k in range(e):
                    lo,hi=mp.mpf(eq['output'][k][0]),mp.mpf(eq['output'][k][1]); t=out[k]
                    if not (lo<=mp.mpf(t.numerator)/t.denominator<=hi): msgs.append('ball out %d %s not in %s'%(i,t,eq['output'][k]))
        if not eq['found'] and len(sols)>0 and j['unique']: pass
    if j['unique'] is True:
        for i,sols in enumerate(allsols):
            if len(sols)!=1: msgs.append('unique claimed but sample %d has %d eqs (cont=%s)'%(i,len(sols),anycont))
    if j['unique'] is False:
        if all(len(s_)<=1 for s_ in allsols) and not anycont: msgs.append('unique false but at most one eq each')
    # gram
    if j['gram_lambda_min'] is not None and all(len(s_)==1 for s_ in allsols):
        Z=mp.matrix([[mp.mpf(x.numerator)/x.denominator for x in s_[0]] for s_ in allsols])
        G=Z*Z.T
        lam=min(mp.eigsy(G)[0]) if n>0 else 0
        lo,hi=mp.mpf(j['gram_lambda_min'][0]),mp.mpf(j['gram_lambda_min'][1])
        if not (lo-mp.mpf(10)**-40<=lam<=hi+mp.mpf(10)**-40): msgs.append('lam %s not in %s'%(lam,j['gram_lambda_min']))
        if j['gram_exact']=='positive_definite' and lam<mp.mpf(10)**-40: msgs.append('pd claimed lam %s'%lam)
        if j['gram_exact']=='singular' and lam>mp.mpf(10)**-40: msgs.append('singular claimed lam %s'%lam)
    if 'loss_exact' in j and all(len(s_)==1 for s_ in allsols) and e>=1:
        L=F(0)
        for i in range(n):
            z=allsols[i][0]; out=[sum(U[k][t]*z[t] for t in range(m))+c[k] for k in range(e)]
            L+=sum((out[k]-Y[i][k])**2 for k in range(e))
        if F(j['loss_exact'])!=L/2: msgs.append('loss %s vs %s'%(j['loss_exact'],L/2))
    stats[(j["well_posed"],j["unique"],j["gram_exact"])]=stats.get((j["well_posed"],j["unique"],j["gram_exact"]),0)+1
    if msgs:
        bad+=1; print('BAD',msgs,json.dumps(net),json.dumps(data))
        if bad>6: break
print("done",N,"bad",bad)
print(stats)
