// net.m's network in C, the reference for `npm run bench:network` (bench/network.ts): the same loop as
// lib/network/ (createNetwork.ts) with the same random numbers (lib/random.ts's counter-based generator, the
// ziggurat of thalamicNoise.ts), the same arithmetic in the same order, so it does the same work and must
// give the same spikes to the last one. Compile with -ffp-contract=off (no fused multiply-add: the same
// roundings as JavaScript).
//
// Usage: network ne ni connections duration seed repeats weightE weightI
//   connections 0 = all to all. Prints one line per repeat: build_ms run_ms run_cpu_ms spikes checksum
//   (build: parameters and synapses; run: the loop, by the wall clock and by the process's CPU time).
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline uint32_t mix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}
static inline uint32_t absorb(uint32_t h, uint32_t word) { return mix32((h ^ word) + 0x9e3779b9u); }
static inline uint32_t finish(uint32_t h) { return mix32(h + 0x6a09e667u); }
static inline uint32_t base(int64_t seed, uint32_t counter, uint32_t domain) {
  uint32_t lo = (uint32_t)seed;
  uint32_t hi = (uint32_t)(int32_t)(seed >> 32);  // floor(seed / 2^32) | 0
  return absorb(absorb(absorb(absorb(0x3c6ef372u, domain), lo), hi), counter);
}
static inline uint32_t hash32(int64_t seed, uint32_t counter, uint32_t draw) {
  return finish(absorb(base(seed, counter, 0), draw));
}
static inline double uniform(int64_t seed, uint32_t counter, uint32_t draw) {
  uint32_t h = base(seed, counter, 1);
  uint32_t hi = finish(absorb(absorb(h, draw), 0)) >> 5;
  uint32_t lo = finish(absorb(absorb(h, draw), 1)) >> 6;
  return ((double)hi * 67108864.0 + (double)lo) / 9007199254740992.0;
}

// thalamicNoise.ts
static inline uint32_t word(uint32_t key, uint32_t index) { return mix32(mix32((key ^ index) + 0x9e3779b9u) + 0x6a09e667u); }
static const double LN2 = 0.6931471805599453, SQRT1_2 = 0.7071067811865476;
static double C3, C5, C7, C9, C11, C13, C15, C17, C19, C21, C23;
static inline double logUnit(double s) {
  double m = s;
  int e = 0;
  while (m < 0.5) { m *= 2; e--; }
  if (m < SQRT1_2) { m *= 2; e--; }
  double f = (m - 1) / (m + 1), z = f * f;
  double series = 1 + z * (C3 + z * (C5 + z * (C7 + z * (C9 + z * (C11 + z * (C13 + z * (C15 + z * (C17 + z * (C19 + z * (C21 + z * C23))))))))));
  return e * LN2 + 2 * f * series;
}
// random.ts portableExp: e^x with + − × / only (Math.round is floor(y + 0.5) with JavaScript's tie rule).
static double expm1Series(double r) {
  double p = 1;
  for (int n = 15; n >= 2; n--) p = 1 + (r / n) * p;
  return r * p;
}
static double pow2(int n) {
  double result = 1, factor = n < 0 ? 0.5 : 2;
  for (int m = abs(n); m > 0; m >>= 1) {
    if (m & 1) result *= factor;
    factor *= factor;
  }
  return result;
}
static double jsRound(double y) {
  double t = floor(y);
  return y - t >= 0.5 ? t + 1 : t;
}
static double portableExp(double x) {
  if (x != x) return NAN;
  if (x > 709.78) return INFINITY;
  if (x < -745.2) return 0;
  const double n = jsRound(x * 1.442695040888963387);
  const double r = x - n * 6.9314718036912381649e-1 - n * 1.90821492927058770002e-10;
  const double er = 1 + expm1Series(r);
  const int half = (int)trunc(n / 2);
  return er * pow2(half) * pow2((int)n - half);
}

// thalamicNoise.ts: the ziggurat's tables and the sampler.
#define LAYERS 128
static const double SCALE = 16777216.0, R = 3.442619855899, AREA = 9.91256303526217e-3;
static int32_t K[LAYERS];
static double W[LAYERS], F[LAYERS];
static void zigguratTables(void) {
  double x = R, previous = R;
  const double q = AREA / portableExp(-0.5 * x * x);
  K[0] = (int32_t)floor((x / q) * SCALE);
  K[1] = 0;
  W[0] = q / SCALE;
  W[LAYERS - 1] = x / SCALE;
  F[0] = 1;
  F[LAYERS - 1] = portableExp(-0.5 * x * x);
  for (int i = LAYERS - 2; i >= 1; i--) {
    x = sqrt(-2 * logUnit(AREA / x + portableExp(-0.5 * x * x)));
    K[i + 1] = (int32_t)floor((x / previous) * SCALE);
    previous = x;
    F[i] = portableExp(-0.5 * x * x);
    W[i] = x / SCALE;
  }
}
static inline double open01(uint32_t w) { return ((double)w + 0.5) * 2.3283064365386963e-10; }  // 2^-32
static double slowNormal(uint32_t key, uint32_t i) {
  const uint32_t sub = absorb(absorb(key, i), 0xffffffffu);
  uint32_t position = 0;
  int32_t w = (int32_t)word(key, i);
  int layer = w & 127;
  int32_t z = w >> 7;
  for (;;) {
    const double x = z * W[layer];
    if (layer == 0) {
      double tx, ty;
      do {
        tx = -logUnit(open01(word(sub, position))) / R;
        ty = -logUnit(open01(word(sub, position + 1)));
        position += 2;
      } while (ty + ty < tx * tx);
      return z > 0 ? R + tx : -R - tx;
    }
    const double y = F[layer] + open01(word(sub, position++)) * (F[layer - 1] - F[layer]);
    if (-2 * logUnit(y) > x * x) return x;
    w = (int32_t)word(sub, position++);
    layer = w & 127;
    z = w >> 7;
    if (abs(z) < K[layer]) return z * W[layer];
  }
}
static void fillNormals(uint32_t key, double *out, int n) {
  for (int i = 0; i < n; i++) {
    const int32_t w = (int32_t)word(key, (uint32_t)i);
    const int layer = w & 127;
    const int32_t z = w >> 7;
    out[i] = abs(z) < K[layer] ? z * W[layer] : NAN;
  }
  for (int i = 0; i < n; i++)
    if (out[i] != out[i]) out[i] = slowNormal(key, (uint32_t)i);
}

static double clock_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}
static double now_ms(void) { return clock_ms(CLOCK_MONOTONIC); }
static double cpu_ms(void) { return clock_ms(CLOCK_PROCESS_CPUTIME_ID); }

int main(int argc, char **argv) {
  if (argc < 9) {
    fprintf(stderr, "usage: network ne ni connections duration seed repeats weightE weightI\n");
    return 2;
  }
  const int ne = atoi(argv[1]), ni = atoi(argv[2]), conn = atoi(argv[3]), duration = atoi(argv[4]);
  const int64_t seed = atoll(argv[5]);
  const int repeats = atoi(argv[6]);
  const double we = atof(argv[7]), wi = atof(argv[8]);
  C3 = 1.0 / 3; C5 = 1.0 / 5; C7 = 1.0 / 7; C9 = 1.0 / 9; C11 = 1.0 / 11; C13 = 1.0 / 13;
  C15 = 1.0 / 15; C17 = 1.0 / 17; C19 = 1.0 / 19; C21 = 1.0 / 21; C23 = 1.0 / 23;
  zigguratTables();
  const int n = ne + ni, k = conn ? conn : n;
  for (int rep = 0; rep < repeats; rep++) {
    double t0 = now_ms();
    double *a = malloc(n * sizeof(double)), *b = malloc(n * sizeof(double)), *c = malloc(n * sizeof(double)),
           *d = malloc(n * sizeof(double)), *v = malloc(n * sizeof(double)), *u = malloc(n * sizeof(double));
    double *input = calloc(n, sizeof(double)), *normals = malloc(n * sizeof(double));
    int *fired = malloc(n * sizeof(int));
    // net.m's rules (options.ts NETWORK_2003) computed as wiring.ts computes base + spread·r^power.
    for (int i = 0; i < n; i++) {
      double r = uniform(seed, i, 0);
      if (i < ne) {
        a[i] = 0.02 + 0 * r; b[i] = 0.2 + 0 * r; c[i] = -65 + 15 * (r * r); d[i] = 8 + -6 * (r * r);
      } else {
        a[i] = 0.02 + 0.08 * r; b[i] = 0.25 + -0.05 * r; c[i] = -65 + 0 * r; d[i] = 2 + 0 * r;
      }
      v[i] = -65;
      u[i] = b[i] * -65;
    }
    double *weights = malloc((size_t)n * k * sizeof(double));
    int *targets = conn ? malloc((size_t)n * k * sizeof(int)) : NULL;
    for (int j = 0; j < n; j++) {
      double scale = j < ne ? we : wi;
      for (int s = 0; s < k; s++) weights[(size_t)j * k + s] = scale * uniform(seed, j, 1 + s);
    }
    if (conn) {
      int *order = malloc(n * sizeof(int)), *picks = malloc(k * sizeof(int));
      for (int i = 0; i < n; i++) order[i] = i;
      for (int j = 0; j < n; j++) {
        for (int s = 0; s < k; s++) {
          int pick = s + (int)(((uint64_t)hash32(seed, j, 1 + s) * (uint64_t)(n - s)) >> 32);
          picks[s] = pick;
          int t = order[pick]; order[pick] = order[s]; order[s] = t;
          targets[(size_t)j * k + s] = t;
        }
        for (int s = k - 1; s >= 0; s--) {
          int pick = picks[s];
          int t = order[pick]; order[pick] = order[s]; order[s] = t;
        }
      }
      free(order);
      free(picks);
    }
    double t1 = now_ms(), cpu1 = cpu_ms();
    size_t capacity = 1 << 16, length = 0;
    int *spikeNeuron = malloc(capacity * sizeof(int));
    double *spikeTime = malloc(capacity * sizeof(double));
    for (int step = 0; step < duration; step++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (v[i] >= 30) {
          fired[count++] = i;
          if (length == capacity) {
            capacity *= 2;
            spikeNeuron = realloc(spikeNeuron, capacity * sizeof(int));
            spikeTime = realloc(spikeTime, capacity * sizeof(double));
          }
          spikeNeuron[length] = i;
          spikeTime[length++] = step + 1;
          v[i] = c[i];
          u[i] = u[i] + d[i];
        }
      }
      for (int f = 0; f < count; f++) {
        const double *row = weights + (size_t)fired[f] * k;
        if (!conn) {
          for (int i = 0; i < n; i++) input[i] = input[i] + row[i];
        } else {
          const int *to = targets + (size_t)fired[f] * k;
          for (int s = 0; s < k; s++) input[to[s]] = input[to[s]] + row[s];
        }
      }
      fillNormals(hash32(seed, step, 0), normals, n);
      for (int i = 0; i < n; i++) {
        double scale = i < ne ? 5 : 2;
        double I = scale * normals[i] + input[i];
        double vi = v[i], ui = u[i];
        vi = vi + 0.5 * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
        vi = vi + 0.5 * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
        v[i] = vi;
        u[i] = ui + a[i] * (b[i] * vi - ui);
        input[i] = 0;
      }
    }
    double t2 = now_ms(), cpu2 = cpu_ms();
    // FNV-1a over (neuron, time) of every spike: the same checksum as bench/network.ts computes.
    uint32_t sum = 2166136261u;
    for (size_t s = 0; s < length; s++) {
      sum = (sum ^ (uint32_t)spikeNeuron[s]) * 16777619u;
      sum = (sum ^ (uint32_t)spikeTime[s]) * 16777619u;
    }
    printf("%.3f %.3f %.3f %zu %u\n", t1 - t0, t2 - t1, cpu2 - cpu1, length, sum);
    free(a); free(b); free(c); free(d); free(v); free(u); free(input); free(normals); free(fired);
    free(weights); free(targets); free(spikeNeuron); free(spikeTime);
  }
  return 0;
}
