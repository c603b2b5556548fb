#!/usr/bin/env python3
"""review8: exhaustive cross-check of `relucert implicit --json` (all 2^m activation patterns,
exact Fractions) with emphasis on non-unique / undecided equilibria, N > m, singular Gram.
usage: impl_check.py RELUCERT SEED COUNT [MAXM]"""
import json, random, subprocess, sys, itertools, os, tempfile
from fractions import Fraction as F

def solve(M, r):
    """Gauss-Jordan over Q; None if singular."""
    n = len(M)
    A = [row[:] + [r[i]] for i, row in enumerate(M)]
    for c in range(n):
        p = next((i for i in range(c, n) if A[i][c] != 0), None)
        if p is None:
            return None
        A[c], A[p] = A[p], A[c]
        for i in range(n):
            if i != c and A[i][c] != 0:
                f = A[i][c] / A[c][c]
                A[i] = [a - f * b for a, b in zip(A[i], A[c])]
    return [A[i][n] / A[i][i] for i in range(n)]

def equilibria(g, A, u):
    m = len(A); sols = []; cont = False
    for S in itertools.product([0, 1], repeat=m):
        idx = [i for i in range(m) if S[i]]
        M = [[F(int(i == j)) - g * A[i][j] for j in idx] for i in idx]
        zS = solve(M, [u[i] for i in idx]) if idx else []
        if zS is None:
            cont = True; continue
        z = [F(0)] * m
        for k, i in enumerate(idx): z[i] = zS[k]
        pre = [g * sum(A[i][j] * z[j] for j in range(m)) + u[i] for i in range(m)]
        if all(z[i] == max(pre[i], F(0)) for i in range(m)) and z not in sols:
            sols.append(z)
    return sols, cont

def det(M):
    M = [r[:] for r in M]; n = len(M); d = F(1)
    for c in range(n):
        p = next((i for i in range(c, n) if M[i][c] != 0), None)
        if p is None: return F(0)
        if p != c: M[c], M[p] = M[p], M[c]; d = -d
        d *= M[c][c]
        for i in range(c + 1, n):
            f = M[i][c] / M[c][c]
            M[i] = [a - f * b for a, b in zip(M[i], M[c])]
    return d

def pd(M):
    return all(det([r[:k] for r in M[:k]]) > 0 for k in range(1, len(M) + 1))

def main():
    rc = sys.argv[1]; random.seed(int(sys.argv[2])); N = int(sys.argv[3])
    maxm = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    vals = ['0', '1', '-1', '1/2', '-1/2', '2', '-2', '3/2']
    tmp = tempfile.mkdtemp()
    bad = 0; stats = {}
    for it in range(N):
        m = random.randint(1, maxm); d = random.randint(1, 2); e = random.randint(1, 2)
        n = random.randint(1, maxm + 2)
        kind = random.random()
        if kind < 0.3:   # diagonal-ish with gamma >= 1: several branches
            A = [[F(random.choice(['1', '1', '0', '1/2'])) if i == j else F(random.choice(['0', '0', '-1/2', '1/2'])) for j in range(m)] for i in range(m)]
            g = F(random.choice(['1', '2', '3']))
        elif kind < 0.5:  # norm exactly 1 (permutation)
            perm = list(range(m)); random.shuffle(perm)
            A = [[F(random.choice([1, -1])) if perm[i] == j else F(0) for j in range(m)] for i in range(m)]
            g = F(1)
        else:
            A = [[F(random.choice(vals)) for _ in range(m)] for _ in range(m)]
            g = F(random.choice(['1/4', '1/2', '1', '2']))
        W = [[F(random.choice(vals)) for _ in range(d)] for _ in range(m)]
        b = [F(random.choice(vals)) for _ in range(m)]
        U = [[F(random.choice(vals)) for _ in range(m)] for _ in range(e)]
        X = [[F(random.choice(vals)) for _ in range(d)] for _ in range(n)]
        if random.random() < 0.2 and n > 1: X[1] = X[0][:]     # duplicate sample: singular G
        Y = [[F(random.choice(vals)) for _ in range(e)] for _ in range(n)]
        s = lambda M: [[str(x) for x in r] for r in M]
        net = {"format": "relucert.implicit-network/1", "gamma": str(g), "A": s(A), "W": s(W),
               "b": [str(x) for x in b], "U": s(U)}
        data = {"format": "relucert.dataset/1", "X": s(X), "y": s(Y)}
        pn, pdd = os.path.join(tmp, 'n.json'), os.path.join(tmp, 'd.json')
        json.dump(net, open(pn, 'w')); json.dump(data, open(pdd, 'w'))
        p = subprocess.run([rc, 'implicit', pn, pdd, '--json'], capture_output=True, text=True, timeout=60)
        if p.returncode:
            print('RC', p.returncode, p.stderr); bad += 1; continue
        j = json.loads(p.stdout); msgs = []
        allsols = []; anycont = False
        for i in range(n):
            u = [sum(W[k][t] * X[i][t] for t in range(d)) + b[k] for k in range(m)]
            sols, cont = equilibria(g, A, u); allsols.append(sols); anycont |= cont
            eq = j['equilibria'][i]
            if eq['exact']:
                z = [F(t) for t in eq['z']]
                if z not in sols and not cont: msgs.append('sample %d z not an equilibrium' % i)
                out = [sum(U[k][t] * z[t] for t in range(m)) for k in range(e)]
                if [F(t) for t in eq['output']] != out: msgs.append('output %d' % i)
                if eq['second_equilibrium'] and len(sols) < 2 and not cont: msgs.append('second claimed %d' % i)
        nmax = max(len(s_) for s_ in allsols)
        truly_unique = all(len(s_) == 1 for s_ in allsols) and not anycont
        if j['unique'] is True and (nmax != 1 or any(len(s_) != 1 for s_ in allsols)):
            msgs.append('unique true but counts %s' % [len(s_) for s_ in allsols])
        if j['unique'] is False and nmax < 2 and not anycont:
            msgs.append('unique false but counts %s' % [len(s_) for s_ in allsols])
        if j['equilibria_scope'] != ('unique' if j['unique'] is True else 'found'):
            msgs.append('scope %s with unique %s' % (j['equilibria_scope'], j['unique']))
        h = {x['name']: x['status'] for x in j['hypotheses']}
        hg = h['gram_lambda_min_positive']
        # truth of "lambda_min(G) > 0" for EVERY choice of equilibria / for SOME choice
        if all(len(s_) >= 1 for s_ in allsols) and not anycont:
            choices = list(itertools.product(*allsols))[:200]
            pos = []
            for ch in choices:
                G = [[sum(a * bb for a, bb in zip(ch[i1], ch[i2])) for i2 in range(n)] for i1 in range(n)]
                pos.append(pd(G))
            if hg == 'proved' and not all(pos): msgs.append('gram proved but some choice singular')
            if hg == 'refuted' and any(pos): msgs.append('gram refuted but some choice PD')
        if hg == 'refuted' and n <= m and j['unique'] is not True:
            msgs.append('gram refuted without uniqueness, N <= m')
        if hg == 'proved' and j['unique'] is not True:
            msgs.append('gram proved without uniqueness')
        if n > m and hg != 'refuted': msgs.append('N > m but gram %s' % hg)
        if truly_unique and 'loss_exact' in j:
            L = F(0)
            for i in range(n):
                z = allsols[i][0]; out = [sum(U[k][t] * z[t] for t in range(m)) for k in range(e)]
                L += sum((out[k] - Y[i][k]) ** 2 for k in range(e))
            if F(j['loss_exact']) != L / 2: msgs.append('loss')
        key = (j['unique'], hg, nmax)
        stats[key] = stats.get(key, 0) + 1
        if msgs:
            bad += 1; print('BAD', msgs, json.dumps(net), json.dumps(data))
            if bad > 6: break
    print('done', N, 'bad', bad)
    for k in sorted(stats, key=str): print(' ', k, stats[k])

main()
