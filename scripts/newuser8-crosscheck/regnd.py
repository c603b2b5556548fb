import os
# Independent exact region enumerator in a box, any small d: H-rep + brute-force vertex enumeration.
import itertools, json, sys
from fractions import Fraction as F
def solve(A,b):
    n=len(A); M=[list(A[i])+[b[i]] for i in range(n)]
    for c in range(n):
        p=next((r for r in range(c,n) if M[r][c]!=0),None)
        if p is None: return None
        M[c],M[p]=M[p],M[c]
        for r in range(n):
            if r!=c and M[r][c]!=0:
                f=M[r][c]/M[c][c]; M[r]=[M[r][k]-f*M[c][k] for k in range(n+1)]
    return tuple(M[i][n]/M[i][i] for i in range(n))
def rank(vs):
    if not vs: return -1
    v0=vs[0]; rows=[[a-b for a,b in zip(v,v0)] for v in vs[1:]]
    r=0; cols=len(v0)
    for c in range(cols):
        p=next((i for i in range(r,len(rows)) if rows[i][c]!=0),None)
        if p is None: continue
        rows[r],rows[p]=rows[p],rows[r]
        for i in range(len(rows)):
            if i!=r and rows[i][c]!=0:
                f=rows[i][c]/rows[r][c]; rows[i]=[rows[i][k]-f*rows[r][k] for k in range(cols)]
        r+=1
    return r
def norm(con):
    a,c=con
    k=next(x for x in a if x!=0); k=abs(k)
    return (tuple(x/k for x in a),c/k)
def verts(cons,d):
    V=set()
    for S in itertools.combinations(range(len(cons)),d):
        x=solve([cons[i][0] for i in S],[-cons[i][1] for i in S])
        if x is None: continue
        if all(sum(a*xi for a,xi in zip(cn[0],x))+cn[1]>=0 for cn in cons): V.add(x)
    return list(V)
def run(net,box,leak=F(0)):
    d=len(box)
    Ws=[];bs=[];i=1
    while 'W%d'%i in net:
        W=[[F(x) for x in r] for r in net['W%d'%i]]
        b=[F(x) for x in net.get('b%d'%i,['0']*len(W))]
        Ws.append(W);bs.append(b);i+=1
    boxc=[]
    for k,(lo,hi) in enumerate(box):
        e=[F(0)]*d; e[k]=F(1); boxc.append((tuple(e),-lo))
        e=[F(0)]*d; e[k]=F(-1); boxc.append((tuple(e),hi))
    V0=verts(boxc,d)
    ident=[(tuple(F(int(i==k)) for i in range(d)),F(0)) for k in range(d)]
    pieces=[(boxc,V0,'',ident)]
    for L in range(len(Ws)-1):
        W=Ws[L];b=bs[L];new=[]
        for cons,V,pat,h in pieces:
            z=[(tuple(sum(W[j][k]*h[k][0][t] for k in range(len(h))) for t in range(d)), sum(W[j][k]*h[k][1] for k in range(len(h)))+b[j]) for j in range(len(W))]
            cur=[(cons,V,pat)]
            for j in range(len(W)):
                a,c=z[j]; nxt=[]
                for cs,Vs,pt in cur:
                    vals=[sum(x*y for x,y in zip(a,v))+c for v in Vs]
                    const=all(x==0 for x in a)
                    if const:
                        nxt.append((cs,Vs,pt+('1' if c>0 else '0'))); continue
                    mx=max(vals); mn=min(vals)
                    if mx>0:
                        cs1=cs+[(a,c)]; nxt.append((cs1, Vs if mn>=0 else verts(cs1,d), pt+'1'))
                    if mn<0:
                        na=tuple(-x for x in a); cs0=cs+[(na,-c)]
                        nxt.append((cs0, Vs if mx<=0 else verts(cs0,d), pt+'0'))
                    if mx<=0 and mn>=0: raise Exception('flat?')
                cur=nxt
            for cs,Vs,pt in cur:
                bits=pt[len(pat):]; hn=[]
                for j in range(len(W)):
                    m=F(1) if bits[j]=='1' else leak
                    hn.append((tuple(m*t for t in z[j][0]),m*z[j][1]))
                new.append((cs,Vs,pt,hn))
        pieces=new
    res=[]
    nb=set(norm(c) for c in boxc)
    for cs,Vs,pt,h in pieces:
        hyps={}
        for cn in cs:
            if all(x==0 for x in cn[0]): continue
            key=norm(cn)
            on=[v for v in Vs if sum(x*y for x,y in zip(cn[0],v))+cn[1]==0]
            if rank(on)==d-1: hyps[key]=1
        nf=len(hyps); nbx=sum(1 for k in hyps if k in nb)
        res.append((pt,nf,nbx))
    return res
if __name__=='__main__':
    from collections import Counter
    net=json.load(open(sys.argv[1])); d=len(net['W1'][0]); lo,hi=F(sys.argv[2]),F(sys.argv[3])
    r=run(net,[(lo,hi)]*d)
    print(len(r),dict(sorted(Counter(n for _,n,_ in r).items())),dict(sorted(Counter(n-b for _,n,b in r).items())))
