import os
import json, random, sys
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__))); from conscheck import check
random.seed(int(sys.argv[1])); N=int(sys.argv[2]); hess=sys.argv[3]=='1'
bad=0
for it in range(N):
    Q=random.randint(2,int(sys.argv[4]) if len(sys.argv)>4 else 3); d=random.randint(1,Q); e=Q+random.randint(0,1)
    means=[[random.randint(-6,6) for _ in range(d)] for _ in range(Q)]
    onehot=random.random()<0.6
    if onehot: labs=[[1 if k==q else 0 for k in range(e)] for q in range(Q)]
    else: labs=[[random.choice([0,1,2,-1,'1/2']) for _ in range(e)] for q in range(Q)]
    from fractions import Fraction as F
    # rebuild with multiple samples
    X=[];Y=[]
    for q in range(Q):
        for s in range(random.randint(1,3)):
            X.append([str(F(means[q][i])+F(random.choice(['0','0','1/4','-1/4','1/2','-1/3']))) for i in range(d)]); Y.append([str(t) for t in labs[q]])
    json.dump({"X":X,"y":Y},open('/tmp/rc-xcheck-cdata%s.json'%sys.argv[1]+'','w'))
    extra=[] if random.random()<0.7 else ['--layers',str(random.randint(1,Q+2))]
    try:
        msgs=check('/tmp/rc-xcheck-cdata%s.json'%sys.argv[1]+'',extra,hess)
    except Exception as ex:
        msgs=['EXC %r'%ex]
    if msgs: bad+=1; print('BAD',msgs,extra,json.dumps({"X":X,"y":Y}))
import conscheck; print('done',N,'bad',bad,conscheck.STATS)
