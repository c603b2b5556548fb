"""Compare `relucert obstruct` component lower bounds with float minimization of the loss
over the component itself (parameterized exactly on H(c)'s component, doc/math.md), random
restarts.  Any loss found below the certified bound is a bug.
usage: fuzz_obstruct.py RELUCERT N SEED OUTDIR"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json, math, os, random, subprocess, sys
from fractions import Fraction as F
import numpy as np
from scipy.optimize import minimize

# the random problems: shared with obstruct_cert_ref.py
from fuzz_obstruct_gen import fs, gen


def comp_min(net, data, loss, rng, restarts=40):
    W1 = np.array([[float(F(v)) for v in r] for r in net["W1"]])
    l, d = W1.shape
    hb = "b1" in net
    Wt = np.hstack([W1, np.array([[float(F(v))] for v in net["b1"]])]) if hb else W1
    W2 = np.array([[float(F(v)) for v in r] for r in net["W2"]])
    e = W2.shape[0]
    ob = "b2" in net
    leak = float(F(net["activation"]["leaky_relu"])) if "activation" in net else 0.0
    X = np.array([[float(F(v)) for v in x] for x in data["X"]])
    Xt = np.hstack([X, np.ones((len(X), 1))]) if hb else X
    Y = np.array([[float(F(v)) for v in y] for y in data["y"]])
    dp = Xt.shape[1]
    # exact level signs
    cs = []
    for k in range(l):
        c = sum(F(v) ** 2 for v in net["W1"][k]) + (F(net["b1"][k]) ** 2 if hb else 0) - sum(F(net["W2"][i][k]) ** 2 for i in range(e))
        cs.append(c)
    kinds = []
    for k in range(l):
        c = cs[k]
        if c < 0 and e == 1:
            kinds.append(("path", float(c), np.sign(W2[0, k])))
        elif c > 0 and dp == 1:
            kinds.append(("pos1", float(c), np.sign(Wt[k, 0])))
        elif c > 0:
            kinds.append(("posfree", float(c), 0))
        elif c == 0:
            kinds.append(("zero", 0.0, 0))
        else:
            kinds.append(("negmulti", float(c), 0))

    def unpack(p):
        i = 0
        Wn = np.zeros((l, dp)); Vn = np.zeros((e, l))
        for k, (kind, c, s) in enumerate(kinds):
            if kind == "path":
                w = p[i:i + dp]; i += dp
                Wn[k] = w; Vn[0, k] = s * math.sqrt(w @ w - c)
            elif kind == "pos1":
                v = p[i:i + e]; i += e
                Vn[:, k] = v; Wn[k, 0] = s * math.sqrt(c + v @ v)
            elif kind == "posfree":
                v = p[i:i + e]; u = p[i + e:i + e + dp]; i += e + dp
                nu = np.linalg.norm(u) or 1.0
                Vn[:, k] = v; Wn[k] = math.sqrt(c + v @ v) * u / nu
            elif kind == "zero":
                t = p[i:i + e]; u = p[i + e:i + e + dp]; i += e + dp
                nu = np.linalg.norm(u) or 1.0
                Vn[:, k] = t; Wn[k] = np.linalg.norm(t) * u / nu
            else:
                w = p[i:i + dp]; dv = p[i + dp:i + dp + e]; i += dp + e
                nd = np.linalg.norm(dv) or 1.0
                Wn[k] = w; Vn[:, k] = math.sqrt(w @ w - c) * dv / nd
        b2 = p[i:i + e] if ob else np.zeros(e)
        return Wn, Vn, b2

    npar = sum({"path": dp, "pos1": e, "posfree": e + dp, "zero": e + dp, "negmulti": dp + e}[k[0]] for k in kinds) + (e if ob else 0)

    def L(p):
        Wn, Vn, b2 = unpack(p)
        Z = Xt @ Wn.T
        H = np.where(Z > 0, Z, leak * Z)
        f = H @ Vn.T + b2
        if loss == "mse":
            return float(np.sum((f - Y) ** 2) / len(Y))
        return float(np.mean(np.logaddexp(0, f[:, 0]) - Y[:, 0] * f[:, 0]))

    best = None
    for r in range(restarts):
        p0 = np.array([rng.gauss(0, 2) for _ in range(npar)])
        try:
            res = minimize(L, p0, method="Nelder-Mead" if npar <= 3 else "L-BFGS-B", options={"maxiter": 3000})
            v = min(res.fun, L(res.x))
        except Exception:
            continue
        if best is None or v < best[0]:
            best = (v, res.x)
    Wn, Vn, b2 = unpack(best[1])
    return best[0], Wn, Vn, b2, kinds


def main():
    relucert, n, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    bad = 0
    st = dict(problems=0, answered=0, positive_bounds=0, tight=0)
    for it in range(n):
        net, data, loss = gen(rng)
        pn = os.path.join(outdir, "net-%d-%d.json" % (seed, it)); pd = os.path.join(outdir, "data-%d-%d.json" % (seed, it))
        json.dump(net, open(pn, "w")); json.dump(data, open(pd, "w"))
        p = subprocess.run([relucert, "obstruct", pn, pd, "--json", "--loss", loss, "--no-auto-witness", "--table"], capture_output=True, text=True, timeout=300)
        st["problems"] += 1
        if p.returncode != 0:
            print("rc", p.returncode, pn, pd, loss, p.stderr.strip()[:200])
            continue
        o = json.loads(p.stdout)
        st["answered"] += 1
        lo = float(F(o["component_lower_bound"][0])) if "/" in o["component_lower_bound"][0] or loss == "mse" else float(o["component_lower_bound"][0])
        if lo > 0:
            st["positive_bounds"] += 1
        m, Wn, Vn, b2, kinds = comp_min(net, data, loss, rng)
        if m < lo - 1e-9 * (1 + abs(lo)):
            bad += 1
            print("BELOW BOUND", pn, pd, loss, "bound", o["component_lower_bound"], "found", repr(m), o["bound_kind"], o["class"], kinds)
            print("   W", Wn.tolist(), "V", Vn.tolist(), "b2", b2.tolist())
        elif m < lo + 1e-6 * (1 + abs(lo)):
            st["tight"] += 1
        # every other effective component of the table: move the network onto it (flip the
        # signs of v of pathological neurons, of w of c > 0, d' = 1 neurons; levels unchanged)
        for row in (o.get("table") or []):
            if row["current"]:
                continue
            net2 = json.loads(json.dumps(net))
            e = len(net2["W2"])
            hb = "b1" in net2
            dp = len(net2["W1"][0]) + (1 if hb else 0)
            pc = qc = 0
            for k in range(len(net2["W1"])):
                c = sum(F(v) ** 2 for v in net2["W1"][k]) + (F(net2["b1"][k]) ** 2 if hb else 0) - sum(F(net2["W2"][i][k]) ** 2 for i in range(e))
                if c < 0 and e == 1:
                    want = 1 if pc < row["plus_negative_level"] else -1
                    pc += 1
                    if F(net2["W2"][0][k]) * want < 0:
                        net2["W2"][0][k] = fs(-F(net2["W2"][0][k]))
                elif c > 0 and dp == 1:
                    want = 1 if qc < row["plus_positive_level"] else -1
                    qc += 1
                    wk = F(net2["W1"][k][0]) if not hb else F(net2["b1"][k])
                    if wk * want < 0:
                        if hb:
                            net2["b1"][k] = fs(-wk)
                        else:
                            net2["W1"][k][0] = fs(-wk)
            lo2 = float(F(row["lower_bound"][0])) if loss == "mse" else float(row["lower_bound"][0])
            m2 = comp_min(net2, data, loss, rng, restarts=12)[0]
            st["table_rows"] = st.get("table_rows", 0) + 1
            if m2 < lo2 - 1e-9 * (1 + abs(lo2)):
                bad += 1
                print("TABLE ROW BELOW BOUND", pn, pd, loss, row, "found", repr(m2), json.dumps(net2))
    print("summary", json.dumps(st), "bad", bad)
    sys.exit(1 if bad else 0)


main()
