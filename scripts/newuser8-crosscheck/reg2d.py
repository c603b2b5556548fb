import os
# Independent exact 2-D region enumerator (Fractions): layer-wise polygon clipping.
import json, sys
from fractions import Fraction as F
def area2(p):
    s=F(0)
    for i in range(len(p)):
        x1,y1=p[i]; x2,y2=p[(i+1)%len(p)]
        s+=x1*y2-x2*y1
    return s
def clip(p,a,b,c):
    out=[]; n=len(p)
    for i in range(n):
        P=p[i]; Q=p[(i+1)%n]
        fp=a*P[0]+b*P[1]+c; fq=a*Q[0]+b*Q[1]+c
        if fp>=0: out.append(P)
        if (fp>0 and fq<0) or (fp<0 and fq>0):
            t=fp/(fp-fq); out.append((P[0]+t*(Q[0]-P[0]),P[1]+t*(Q[1]-P[1])))
    return out
def simplify(p):
    # remove duplicates and collinear points
    q=[]
    for v in p:
        if not q or q[-1]!=v: q.append(v)
    while len(q)>1 and q[0]==q[-1]: q.pop()
    changed=True
    while changed and len(q)>=3:
        changed=False
        for i in range(len(q)):
            A=q[i-1];B=q[i];C=q[(i+1)%len(q)]
            if (B[0]-A[0])*(C[1]-A[1])-(B[1]-A[1])*(C[0]-A[0])==0:
                q.pop(i); changed=True; break
    return q
def run(net, box, leak=F(0)):
    Ws=[];bs=[];i=1
    while 'W%d'%i in net:
        W=[[F(x) for x in r] for r in net['W%d'%i]]
        b=[F(x) for x in net.get('b%d'%i,['0']*len(W))]
        Ws.append(W);bs.append(b);i+=1
    (x0,x1),(y0,y1)=box
    poly=[(x0,y0),(x1,y0),(x1,y1),(x0,y1)]
    pieces=[(poly,'',[(F(1),F(0),F(0)),(F(0),F(1),F(0))])]
    for L in range(len(Ws)-1):
        W=Ws[L];b=bs[L]
        new=[]
        for poly,pat,h in pieces:
            z=[]
            for j in range(len(W)):
                a=sum(W[j][k]*h[k][0] for k in range(len(h)))
                bb=sum(W[j][k]*h[k][1] for k in range(len(h)))
                c=sum(W[j][k]*h[k][2] for k in range(len(h)))+b[j]
                z.append((a,bb,c))
            cur=[(poly,pat)]
            for j in range(len(W)):
                a,bb,c=z[j]; nxt=[]
                for pp,pt in cur:
                    if a==0 and bb==0:
                        nxt.append((pp,pt+('1' if c>0 else '0'))); continue
                    p1=clip(pp,a,bb,c); p0=clip(pp,-a,-bb,-c)
                    if len(p1)>=3 and area2(p1)>0: nxt.append((p1,pt+'1'))
                    if len(p0)>=3 and area2(p0)>0: nxt.append((p0,pt+'0'))
                cur=nxt
            for pp,pt in cur:
                bits=pt[len(pat):]
                hn=[]
                for j in range(len(W)):
                    m=F(1) if bits[j]=='1' else leak
                    hn.append(tuple(m*t for t in z[j]))
                new.append((pp,pt,hn))
        pieces=new
    res=[]
    for poly,pat,h in pieces:
        q=simplify(poly)
        nbox=0
        for i in range(len(q)):
            P=q[i];Q=q[(i+1)%len(q)]
            if (P[0]==Q[0] and P[0] in (x0,x1)) or (P[1]==Q[1] and P[1] in (y0,y1)): nbox+=1
        res.append((pat,len(q),nbox,area2(q)/2))
    return res
if __name__=='__main__':
    net=json.load(open(sys.argv[1])); lo,hi=F(sys.argv[2]),F(sys.argv[3])
    leak=F(net.get('leak','0')) if isinstance(net.get('leak','0'),str) else F(net.get('leak',0))
    r=run(net,((lo,hi),(lo,hi)),leak)
    from collections import Counter
    print(len(r), dict(sorted(Counter(n for _,n,_,_ in r).items())), dict(sorted(Counter(n-nb for _,n,nb,_ in r).items())), sum(a for *_,a in r))
