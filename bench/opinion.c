//go:build ignore

// (The line above keeps the Go tool from treating this file as cgo source:
// bench/ is also a Go package that embeds it. gcc reads it as a comment.)
// Opinion-dynamics kernel benchmark (C, OpenMP).
// Random undirected graph, CSR, N nodes, average degree DEG (Poisson degrees).
// Variants:
//   degroot : new[i] = (1-a)*old[i] + a*mean(old[nbrs])
//   bc      : bounded confidence: only neighbours with |old[j]-old[i]| < eps count (branchless)
//   full    : degroot + per-agent counter-based RNG for ad impression and conversion draws
// Build: gcc -O3 -march=native -fopenmp opinion.c -o opinion_c -lm
// Usage: OMP_NUM_THREADS=T ./opinion_c N DEG STEPS REPS variant [shuffle=1]
// (Boomerang's copy adds cpu_ns/agent-step, the median rep's CPU time of all
// threads per agent-step, to the report line; the kernels are unchanged.)
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <omp.h>
#include <sys/resource.h>
static double cputime(void) { struct rusage ru; getrusage(RUSAGE_SELF, &ru); return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6; }

static uint64_t rng_state;
static inline uint64_t xorshift64s(void) {
    uint64_t x = rng_state;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}
static inline uint64_t splitmix(uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double now(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
static int cmpd(const void *a, const void *b) {
    double x = *(const double*)a, y = *(const double*)b; return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int64_t N = argc > 1 ? atoll(argv[1]) : 1000000;
    int DEG = argc > 2 ? atoi(argv[2]) : 16;
    int STEPS = argc > 3 ? atoi(argv[3]) : 20;
    int REPS = argc > 4 ? atoi(argv[4]) : 3;
    const char *variant = argc > 5 ? argv[5] : "degroot";
    int vid = strcmp(variant, "degroot") == 0 ? 0 : strcmp(variant, "bc") == 0 ? 1 : strcmp(variant, "degroot4") == 0 ? 3 : 2;
    const float a = 0.3f, eps = 0.2f;
    rng_state = 0x123456789ABCDEFULL;

    double t0 = now();
    // GRAPH env: "random" (default; undirected, M=N*DEG/2 uniform random edges, Poisson degrees),
    //            "regular" (directed, every node has exactly DEG uniform random out-neighbours),
    //            "local"   (like random but the other endpoint is within +-LOCALW of u: cache-friendly ordering)
    const char *gk = getenv("GRAPH"); if (!gk) gk = "random";
    int64_t W = getenv("LOCALW") ? atoll(getenv("LOCALW")) : 1000;
    uint32_t *rowptr = calloc(N + 1, 4);
    uint32_t *col;
    if (strcmp(gk, "regular") == 0) {
        for (int64_t i = 0; i <= N; i++) rowptr[i] = (uint32_t)(i * DEG);
        col = malloc((size_t)N * DEG * 4);
        for (int64_t i = 0; i < N; i++) for (int d = 0; d < DEG; d++) {
            uint32_t v; do { v = xorshift64s() % N; } while (v == i);
            col[i * DEG + d] = v;
        }
    } else {
        int local = strcmp(gk, "local") == 0;
        int64_t M = N * DEG / 2; // undirected edges
        uint32_t *eu = malloc(M * 4), *ev = malloc(M * 4);
        for (int64_t e = 0; e < M; e++) {
            uint32_t u, v;
            do {
                u = xorshift64s() % N;
                if (local) { int64_t off = (int64_t)(xorshift64s() % (2 * W + 1)) - W; v = (uint32_t)(((int64_t)u + off + N) % N); }
                else v = xorshift64s() % N;
            } while (u == v);
            eu[e] = u; ev[e] = v; rowptr[u + 1]++; rowptr[v + 1]++;
        }
        for (int64_t i = 0; i < N; i++) rowptr[i + 1] += rowptr[i];
        col = malloc((size_t)rowptr[N] * 4);
        uint32_t *fill = malloc(N * 4);
        memcpy(fill, rowptr, N * 4);
        for (int64_t e = 0; e < M; e++) { col[fill[eu[e]]++] = ev[e]; col[fill[ev[e]]++] = eu[e]; }
        free(eu); free(ev); free(fill);
    }
    int64_t E = rowptr[N];
    if (getenv("DEGSORT")) { // relabel nodes in order of increasing degree (counting sort): inner-loop trip counts become predictable
        uint32_t maxd = 0; for (int64_t i = 0; i < N; i++) { uint32_t d = rowptr[i + 1] - rowptr[i]; if (d > maxd) maxd = d; }
        uint32_t *cnt = calloc(maxd + 2, 4), *perm = malloc(N * 4), *nrp = calloc(N + 1, 4), *ncol = malloc((size_t)E * 4);
        for (int64_t i = 0; i < N; i++) cnt[rowptr[i + 1] - rowptr[i] + 1]++;
        for (uint32_t d = 0; d <= maxd; d++) cnt[d + 1] += cnt[d];
        for (int64_t i = 0; i < N; i++) perm[i] = cnt[rowptr[i + 1] - rowptr[i]]++; // old id -> new id
        for (int64_t i = 0; i < N; i++) nrp[perm[i] + 1] = rowptr[i + 1] - rowptr[i];
        for (int64_t i = 0; i < N; i++) nrp[i + 1] += nrp[i];
        for (int64_t i = 0; i < N; i++) { uint32_t o = nrp[perm[i]]; for (uint32_t k = rowptr[i]; k < rowptr[i + 1]; k++) ncol[o++] = perm[col[k]]; }
        free(rowptr); free(col); free(cnt); free(perm); rowptr = nrp; col = ncol;
    }
    double tbuild = now() - t0;

    float *old = malloc(N * 4), *nw = malloc(N * 4);
    uint8_t *conv = malloc(N);
    int nth = omp_get_max_threads();
    double times[64], utils[64], cpus[64];
    double checksum = 0;
    for (int r = 0; r < REPS; r++) {
        // first-touch init in parallel with same static partition
        #pragma omp parallel for schedule(static)
        for (int64_t i = 0; i < N; i++) { old[i] = (float)(splitmix(i) >> 40) * (1.0f / 16777216.0f); nw[i] = 0; conv[i] = 0; }
        double ts = now(), cs0 = cputime();
        for (int s = 0; s < STEPS; s++) {
            if (vid == 0) {
                #pragma omp parallel for schedule(static)
                for (int64_t i = 0; i < N; i++) {
                    uint32_t b = rowptr[i], e = rowptr[i + 1];
                    float sum = 0.f;
                    for (uint32_t k = b; k < e; k++) sum += old[col[k]];
                    float deg = (float)(e - b);
                    nw[i] = deg > 0 ? (1 - a) * old[i] + a * sum / deg : old[i];
                }
            } else if (vid == 3) {
                #pragma omp parallel for schedule(static)
                for (int64_t i = 0; i < N; i++) {
                    uint32_t b = rowptr[i], e = rowptr[i + 1], k = b;
                    float s0 = 0.f, s1 = 0.f, s2 = 0.f, s3 = 0.f;
                    for (; k + 4 <= e; k += 4) {
                        s0 += old[col[k]]; s1 += old[col[k + 1]]; s2 += old[col[k + 2]]; s3 += old[col[k + 3]];
                    }
                    for (; k < e; k++) s0 += old[col[k]];
                    float sum = (s0 + s1) + (s2 + s3);
                    float deg = (float)(e - b);
                    nw[i] = deg > 0 ? (1 - a) * old[i] + a * sum / deg : old[i];
                }
            } else if (vid == 1) {
                #pragma omp parallel for schedule(static)
                for (int64_t i = 0; i < N; i++) {
                    uint32_t b = rowptr[i], e = rowptr[i + 1];
                    float oi = old[i], sum = 0.f, cnt = 0.f;
                    for (uint32_t k = b; k < e; k++) {
                        float x = old[col[k]];
                        float m = fabsf(x - oi) < eps ? 1.f : 0.f;
                        sum += m * x; cnt += m;
                    }
                    nw[i] = cnt > 0 ? (1 - a) * oi + a * sum / cnt : oi;
                }
            } else {
                const uint64_t stepkey = splitmix(0xABCDULL + s);
                #pragma omp parallel for schedule(static)
                for (int64_t i = 0; i < N; i++) {
                    uint32_t b = rowptr[i], e = rowptr[i + 1];
                    float sum = 0.f;
                    for (uint32_t k = b; k < e; k++) sum += old[col[k]];
                    float deg = (float)(e - b);
                    float o = deg > 0 ? (1 - a) * old[i] + a * sum / deg : old[i];
                    uint64_t r1 = splitmix(stepkey ^ (uint64_t)i);
                    // impression with prob 0.1 nudges opinion up
                    if ((r1 >> 40) < (uint64_t)(0.1 * 16777216.0)) o += 0.05f * (1 - o);
                    // conversion with prob 0.01*o (one more draw)
                    uint64_t r2 = splitmix(r1);
                    if (!conv[i] && (float)(r2 >> 40) * (1.0f / 16777216.0f) < 0.01f * o) conv[i] = 1;
                    nw[i] = o;
                }
            }
            float *t = old; old = nw; nw = t;
        }
        times[r] = now() - ts;
        cpus[r] = cputime() - cs0;
        utils[r] = cpus[r] / (times[r] * nth);
        double cs = 0; for (int64_t i = 0; i < N; i += 997) cs += old[i];
        checksum += cs;
    }
    double umin = 1e9; for (int r = 0; r < REPS; r++) if (utils[r] < umin) umin = utils[r];
    qsort(times, REPS, sizeof(double), cmpd);
    qsort(cpus, REPS, sizeof(double), cmpd);
    double med = times[REPS / 2];
    double edges = (double)E * STEPS, asteps = (double)N * STEPS;
    printf("C graph=%s variant=%s N=%lld avgdeg=%.2f E(dir)=%lld threads=%d steps=%d build=%.3fs "
           "median=%.4fs min=%.4fs max=%.4fs ns/edge=%.3f ns/agent-step=%.2f agent-steps/s=%.3e checksum=%.4f cpu_util_min=%.2f cpu_ns/agent-step=%.2f\n",
           gk, variant, (long long)N, (double)E / N, (long long)E, nth, STEPS, tbuild, med, times[0], times[REPS - 1],
           med / edges * 1e9, med / asteps * 1e9, asteps / med, checksum, umin, cpus[REPS / 2] / asteps * 1e9);
    return 0;
}
