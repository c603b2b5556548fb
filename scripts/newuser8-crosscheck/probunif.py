import os
import json, subprocess, sys
import mpmath as mp
mp.mp.dps=30
B=os.environ.get('RELUCERT','build/relucert')
def F(k,s):
    if s<=0: return mp.mpf(0)
    if k==1: return min(mp.mpf(1),mp.sqrt(s))
    if s<=1: return mp.pi*s/4
    if s>=2: return mp.mpf(1)
    R=mp.sqrt(s); return (mp.sqrt(s-1)+s*(mp.pi/4-mp.acos(1/R)))
def p_unif(k,A2,B2):
    r=B2/A2
    pts=[mp.mpf(0)]
    for c in [1,2]:
        t=mp.sqrt(c/r)
        if t<1: pts.append(t)
    pts.append(mp.mpf(1))
    return mp.quad(lambda t:F(k,r*t*t),sorted(set(pts)))
bad=0
for s in ['kaiming-uniform','xavier-uniform','torch-default']:
  for d in [1,2,3]:
    for l in [1,2,3,10]:
      for bias in [True,False]:
        args=[B,'prob','--init',s,'--input-dim',str(d),'--hidden',str(l),'--json']+([] if bias else ['--no-bias'])
        pr=subprocess.run(args,capture_output=True,text=True)
        if pr.returncode: print('RC',args,pr.stderr); continue
        j=json.loads(pr.stdout)
        A2=mp.mpf(j['w_halfwidth_squared'].split('/')[0])/(mp.mpf(j['w_halfwidth_squared'].split('/')[1]) if '/' in j['w_halfwidth_squared'] else 1)
        B2=mp.mpf(j['v_halfwidth_squared'].split('/')[0])/(mp.mpf(j['v_halfwidth_squared'].split('/')[1]) if '/' in j['v_halfwidth_squared'] else 1)
        # my own A2,B2
        if s=='kaiming-uniform': a2,b2=mp.mpf(6)/d,mp.mpf(6)/l
        elif s=='xavier-uniform': a2,b2=mp.mpf(6)/(d+l),mp.mpf(6)/(l+1)
        else: a2,b2=mp.mpf(1)/d,mp.mpf(1)/l
        k=d+(1 if (s=='torch-default' and bias) else 0)
        if k>2: continue
        p=p_unif(k,a2,b2)
        lo,hi=mp.mpf(j['p_negative_level'][0]),mp.mpf(j['p_negative_level'][1])
        ok=lo-mp.mpf(10)**-20<=p<=hi+mp.mpf(10)**-20
        print(s,d,l,bias,'k',k,'A2',j['w_halfwidth_squared'],'B2',j['v_halfwidth_squared'],j['certified'],j['method'],'mine',mp.nstr(p,20),'theirs',j['p_negative_level'][0],'OK' if ok else 'BAD',flush=True)
