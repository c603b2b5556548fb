import os
import json, subprocess, sys, itertools
import mpmath as mp
mp.mp.dps=50
B=os.environ.get('RELUCERT','build/relucert')
def variances(s,d,l,e):
    return {'xavier-normal':(mp.mpf(2)/(d+l),mp.mpf(2)/(l+e)),'kaiming-normal':(mp.mpf(2)/d,mp.mpf(2)/l),'lecun-normal':(mp.mpf(1)/d,mp.mpf(1)/l)}[s]
def expected(s,d,l,e,bias):
    s1,s2=variances(s,d,l,e)
    k=d  # random coords (zero bias)
    p=mp.betainc(mp.mpf(k)/2,mp.mpf(e)/2,0,s2/(s1+s2),regularized=True)
    dp=d+1 if bias else d
    pf = (p if e==1 else 0) + ((1-p) if dp==1 else 0)
    pd=1-(1-pf)**l
    # components: 2^(#disconnected factors)
    ec=(1+pf)**l
    # effective components
    ee=mp.mpf(0)
    for nneg in range(l+1):
        pr=mp.binomial(l,nneg)*p**nneg*(1-p)**(l-nneg)
        a=(nneg+1) if e==1 else 1
        b=(l-nneg+1) if dp==1 else 1
        ee+=pr*a*b
    return dict(p_negative_level=p,p_factor_disconnected=pf,p_disconnected=pd,expected_components=ec,expected_effective_components=ee)
def main():
    global bad,n
    bad=0;n=0
    for s in ['xavier-normal','kaiming-normal','lecun-normal']:
      for d in [1,2,3,7,50]:
        for l in [1,2,5,30]:
          for e in [1,2,3]:
            for bias in [True,False]:
              args=[B,'prob','--init',s,'--input-dim',str(d),'--hidden',str(l),'--output-dim',str(e),'--json']+([] if bias else ['--no-bias'])
              pr=subprocess.run(args,capture_output=True,text=True)
              if pr.returncode: print('RC',args,pr.stderr); bad+=1; continue
              j=json.loads(pr.stdout); ex=expected(s,d,l,e,bias); n+=1
              for key,v in ex.items():
                  lo,hi=mp.mpf(j[key][0]),mp.mpf(j[key][1])
                  if not (lo-mp.mpf(10)**-45<=v<=hi+mp.mpf(10)**-45) or (hi-lo)>1e-15*max(1,abs(v)):
                      bad+=1; print('BAD',s,d,l,e,bias,key,j[key],mp.nstr(v,25))
              if j.get('pathological_distribution') and e==1:
                  p=ex['p_negative_level']
                  for kk,iv in enumerate(j['pathological_distribution']):
                      v=mp.binomial(l,kk)*p**kk*(1-p)**(l-kk)
                      if not (mp.mpf(iv[0])-mp.mpf(10)**-45<=v<=mp.mpf(iv[1])+mp.mpf(10)**-45): bad+=1; print('BADdist',s,d,l,e,bias,kk,iv,v)
    print('n',n,'bad',bad)
if __name__=="__main__": main()
