import os
import csv, sys
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
import mpmath as mp
from probcheck import expected
mp.mp.dps=50
bad=0;n=0
for r in csv.DictReader(open('/tmp/rc-xcheck-tab.csv')):
    ex=expected(r['scheme'],int(r['input_dim']),int(r['hidden']),int(r['output_dim']),r['bias']=='1')
    for q in ['p_negative_level','p_disconnected','expected_components','expected_effective_components']:
        s=r[q]; v=ex[q]; n+=1
        if s.startswith('"') or '[' in s: continue
        # correctly rounded to digits shown?
        if 'e' in s.lower():
            mant,ex_=s.lower().split('e'); 
        else: mant,ex_=s,'0'
        dec=len(mant.split('.')[1]) if '.' in mant else 0
        ulp=mp.mpf(10)**(-dec+int(ex_))
        if abs(mp.mpf(s)-v)>ulp/2: bad+=1; print('BAD',r['scheme'],r['input_dim'],r['hidden'],r['output_dim'],q,s,mp.nstr(v,25))
        lo,hi=mp.mpf(r[q+'_lo']),mp.mpf(r[q+'_hi'])
        if not lo<=v<=hi: bad+=1; print('BADenc',q,lo,hi,v)
print('n',n,'bad',bad)
