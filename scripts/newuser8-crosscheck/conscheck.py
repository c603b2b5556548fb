import os
import json, sys, subprocess, itertools
from fractions import Fraction as F
import sympy as sp
B=os.environ.get('RELUCERT','build/relucert')
STATS={}
def check(datafile, extra=[], hess=True):
    p=subprocess.run([B,'construct',datafile,'--json']+extra,capture_output=True,text=True)
    if p.returncode: print('RC',p.returncode,p.stderr.strip()); return None
    j=json.loads(p.stdout)
    D=json.load(open(datafile),parse_float=str,parse_int=str); X=[[F(str(t)) for t in r] for r in D['X']]; Y=[[F(str(t)) for t in (r if isinstance(r,list) else [r])] for r in D['y']]
    N=len(X); labs=[]
    for y in Y:
        if y not in labs: labs.append(y)
    cls=[labs.index(y) for y in Y]
    msgs=[]
    pts=[j['global']]+j['local_minima']
    for pt in pts:
        if not pt['built']: print('  not built',pt['collapsed'],pt['reason']); continue
        net=pt['network']; L=1
        Ws=[];bs=[]
        while 'W%d'%L in net:
            Ws.append([[F(t) for t in r] for r in net['W%d'%L]]); bs.append([F(t) for t in net.get('b%d'%L,['0']*len(net['W%d'%L]))]); L+=1
        cost=F(0); pats=[]; minabs=None
        for n in range(N):
            h=X[n]+[]; pat=[]
            if len(Ws[0][0])>len(h): h=h+[F(0)]*(len(Ws[0][0])-len(h))
            for l in range(len(Ws)):
                z=[sum(Ws[l][i][k]*h[k] for k in range(len(h)))+bs[l][i] for i in range(len(Ws[l]))]
                if l<len(Ws)-1:
                    for t in z:
                        minabs=abs(t) if minabs is None else min(minabs,abs(t))
                    pat.append(tuple(t>0 for t in z)); h=[max(t,0) for t in z]
            cost+=sum((z[k]-Y[n][k])**2 for k in range(len(z))); pats.append(tuple(pat))
        cost/=N
        S=set(pt['collapsed']); T=[k for k in range(len(labs)) if k not in S]
        Tn=[n for n in range(N) if cls[n] in T]
        # RSS_T
        if Tn:
            Xa=sp.Matrix([[sp.Rational(str(t)) for t in X[n]]+[1] for n in Tn]); Ya=sp.Matrix([[sp.Rational(str(t)) for t in Y[n]] for n in Tn])
            Bm=Xa.pinv()*Ya; R=Xa*Bm-Ya; rss=sum(t**2 for t in R)
        else: rss=0
        rss=sp.Rational(rss); lb=F(int(rss.p),int(rss.q))/N
        if F(pt['cost'])!=cost: msgs.append('cost %s vs mine %s'%(pt['cost'],cost))
        if F(pt['lower_bound'])!=lb: msgs.append('lb %s vs mine %s (S=%s)'%(pt['lower_bound'],lb,S))
        if pt['proved']: STATS['proved']=STATS.get('proved',0)+1
        if pt['proved']:
            if cost!=lb: msgs.append('proved but cost!=lb')
            if minabs==0: msgs.append('proved with zero pre-activation')
            if len(set(pats[n] for n in Tn))>1: msgs.append('T patterns differ')
            if F(pt['min_abs_pre_activation'])!=minabs: msgs.append('minabs %s vs %s'%(pt['min_abs_pre_activation'],minabs))
        if hess and pt['hessian'] is not None:
            # symbolic Hessian with fixed masks
            syms=[]; SW=[];SB=[]
            for l in range(len(Ws)):
                SW.append([[sp.Symbol('w%d_%d_%d'%(l,i,k)) for k in range(len(Ws[l][0]))] for i in range(len(Ws[l]))])
                SB.append([sp.Symbol('b%d_%d'%(l,i)) for i in range(len(Ws[l]))])
                for i in range(len(Ws[l])): syms+=SW[l][i]
                syms+=SB[l]
            vals={}
            for l in range(len(Ws)):
                for i in range(len(Ws[l])):
                    for k in range(len(Ws[l][0])): vals[SW[l][i][k]]=sp.Rational(str(Ws[l][i][k]))
                    vals[SB[l][i]]=sp.Rational(str(bs[l][i]))
            C=0
            for n in range(N):
                h=[sp.Rational(str(t)) for t in X[n]]
                if len(Ws[0][0])>len(h): h=h+[0]*(len(Ws[0][0])-len(h))
                for l in range(len(Ws)):
                    z=[sum(SW[l][i][k]*h[k] for k in range(len(h)))+SB[l][i] for i in range(len(Ws[l]))]
                    if l<len(Ws)-1: h=[z[i] if pats[n][l][i] else 0 for i in range(len(z))]
                C+=sum((z[k]-sp.Rational(str(Y[n][k])))**2 for k in range(len(z)))
            C=sp.expand(C/N)
            g=[sp.diff(C,s).subs(vals) for s in syms]
            if any(t!=0 for t in g): msgs.append('gradient nonzero')
            H=sp.hessian(C,syms).subs(vals)
            # inertia via LDL with pivoting: use eigenvals numerically at high precision of char poly? use sympy's inertia via congruence
            Hm=sp.Matrix(H); n_=Hm.shape[0]
            # exact inertia: H is symmetric, so its characteristic polynomial has only real
            # roots and Descartes' rule of signs counts the positive ones exactly
            xs=sp.Symbol('x_'); co=sp.Poly(Hm.charpoly(xs).as_expr(),xs).all_coeffs()
            zer=0
            while co and co[-1]==0: co.pop(); zer+=1
            nz=[c_ for c_ in co if c_!=0]
            pos=sum(1 for a_,b_ in zip(nz,nz[1:]) if a_*b_<0); neg=n_-zer-pos
            rk=Hm.rank()
            if (pos,neg)!=(pt['hessian']['positive'],pt['hessian']['negative']) or n_-rk!=pt['hessian']['zero']:
                msgs.append('hessian %s vs mine +%d 0:%d -%d (rank %d)'%(pt['hessian'],pos,zer,neg,rk))
    return msgs
if __name__=='__main__':
    print(check(sys.argv[1], sys.argv[2:]))
