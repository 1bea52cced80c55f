/*
 * C baseline for the forward-Euler kernel of lib/ (method "euler"): the same arithmetic and the same
 * recording, so that bench/kernels.ts can report how far `simulate` is from compiled C.
 *
 *   v' = 0.04 v^2 + 5 v + 140 - u + I,   u' = ub v - ua u + uc   (both from the old state; ub = a b, ua = a,
 *   uc = 0: the form lib/integrators/euler.ts evaluates, term for term)
 *   if v >= 30 after the step: record 30, v = c, u += d, record the spike time (budget 100,000 spikes)
 *   stop if v + u is no longer finite, as simulate does
 *   each step records v, u and I into arrays.
 *
 * Compiled with -ffp-contract=off: otherwise gcc fuses a*b + c into one fused multiply-add, which rounds once
 * instead of twice (different arithmetic, and faster than anything JavaScript can do). With it off, the run
 * reproduces simulate's trace bit for bit; the checksums printed let kernels.ts check that.
 *
 * Two modes: "fresh" allocates zeroed arrays (calloc, as `new Float64Array` is zeroed) for every run and frees
 * them after, as simulate() returns new columns each call (the like-for-like comparison); "reuse" allocates
 * them once, timing the loop alone. In "fresh" mode the allocator is told to keep freed memory (mallopt): with
 * glibc's defaults every free hands the megabyte back to the kernel and the next run page-faults it in again,
 * which made C ~8x slower than its loop here and would flatter JavaScript.
 *
 * Built by bench/kernels.ts with `gcc -O3 -march=native -ffp-contract=off` into .bench/. Usage:
 *   euler fresh|reuse A B C D V0 CURRENT DURATION DT
 * Prints one JSON line: {"nsPerStep": median, "best": fastest batch, "cpuNsPerStep", "cpuBest": the same in the
 * process's CPU time, "steps": n, "spikes": count, "vSum", "uSum": checksums, ...}.
 * Timing as in kernels.ts: warm-up for >= 0.3 s, then 15 batches of >= 25 ms each; median of ns per step.
 */
#define _POSIX_C_SOURCE 199309L
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  double *v, *u, *I, *spikes;
  long steps, nspikes, last; /* last: index of the last valid sample */
} Trace;

enum { SPIKE_BUDGET = 100000 };

static int reuse = 0;     /* mode "reuse": keep the arrays of the first run */
static Trace kept = {0};

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* CPU time of the process (all threads): unlike the wall clock, it does not count time other processes ran. */
static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The input current at time t: a constant here, evaluated per step as simulate() fills its I column. */
static double current_at(double I0, double t) {
  (void)t;
  return I0;
}

__attribute__((noinline)) static Trace run_euler(double a, double b, double c, double d, double v0, double I0,
                                                 double duration, double dt) {
  Trace tr;
  long steps = (long)ceil(duration / dt - 1e-9 * (duration / dt));
  long n = steps + 1;
  if (reuse && kept.v && kept.steps == steps) {
    tr = kept;
  } else {
    tr.v = calloc((size_t)n, sizeof(double));
    tr.u = calloc((size_t)n, sizeof(double));
    tr.I = calloc((size_t)n, sizeof(double));
    /* Room for a spike every step, up to the budget; not zeroed, as simulate's spike list is a copy of its count. */
    tr.spikes = malloc(sizeof(double) * (size_t)(steps < SPIKE_BUDGET ? steps : SPIKE_BUDGET));
  }
  tr.steps = steps;
  tr.nspikes = 0;
  tr.last = steps;
  if (!tr.v || !tr.u || !tr.I || !tr.spikes) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  const double ub = a * b, ua = a, uc = 0;
  double v = v0, u = b * v0;
  tr.v[0] = v;
  tr.u[0] = u;
  tr.I[0] = current_at(I0, 0);
  for (long k = 0; k < steps; k++) {
    double I = tr.I[k];
    /* The same arithmetic, in the same order, as lib/integrators/euler.ts. */
    double du = ub * v - ua * u + uc;
    v = v + dt * (0.04 * (v * v) + 5 * v + 140 - u + I);
    u = u + dt * du;
    tr.I[k + 1] = current_at(I0, (double)(k + 1) * dt);
    if (v >= 30) {
      tr.v[k + 1] = 30;
      v = c;
      u += d;
      tr.u[k + 1] = u;
      tr.spikes[tr.nspikes++] = (double)(k + 1) * dt;
      if (tr.nspikes == SPIKE_BUDGET) {
        tr.last = k + 1;
        break;
      }
    } else {
      tr.v[k + 1] = v;
      tr.u[k + 1] = u;
    }
    if (!isfinite(v + u)) {
      tr.last = k;
      break;
    }
  }
  return tr;
}

/* Sums of the recorded v and u, in index order: JavaScript computes the same sums from simulate's trace. */
static double column_sum(const double *x, long last) {
  double s = 0;
  for (long k = 0; k <= last; k++) s += x[k];
  return s;
}

static void free_trace(Trace *tr) {
  if (reuse) {
    kept = *tr;
    return;
  }
  free(tr->v);
  free(tr->u);
  free(tr->I);
  free(tr->spikes);
}

static int compare(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

int main(int argc, char **argv) {
  if (argc != 10 || (strcmp(argv[1], "fresh") != 0 && strcmp(argv[1], "reuse") != 0)) {
    fprintf(stderr, "usage: %s fresh|reuse A B C D V0 CURRENT DURATION DT\n", argv[0]);
    return 2;
  }
  reuse = strcmp(argv[1], "reuse") == 0;
  if (!reuse) {
    /* Keep freed memory for the next run instead of returning it to the kernel (see the header). */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
  }
  double p[8];
  for (int i = 0; i < 8; i++) p[i] = strtod(argv[i + 2], NULL);
  double a = p[0], b = p[1], c = p[2], d = p[3], v0 = p[4], I0 = p[5], duration = p[6], dt = p[7];

  volatile double sink = 0; /* keeps every run's result alive */
  Trace first = run_euler(a, b, c, d, v0, I0, duration, dt);
  long steps = first.steps, nspikes = first.nspikes;
  double vLast = first.v[first.last];
  double vSum = column_sum(first.v, first.last), uSum = column_sum(first.u, first.last);
  free_trace(&first);

  double start = now_ns();
  long warm = 0;
  while (warm < 5 || now_ns() - start < 0.3e9) {
    Trace tr = run_euler(a, b, c, d, v0, I0, duration, dt);
    sink += tr.v[tr.steps] + (double)tr.nspikes;
    free_trace(&tr);
    warm++;
  }
  /* Batch size: enough runs for >= 25 ms per batch. */
  double perRun = (now_ns() - start) / (double)warm;
  long batch = (long)ceil(25e6 / perRun);
  if (batch < 1) batch = 1;
  enum { BATCHES = 15 };
  double samples[BATCHES], cpuSamples[BATCHES];
  for (int i = 0; i < BATCHES; i++) {
    double t0 = now_ns(), c0 = cpu_ns();
    for (long j = 0; j < batch; j++) {
      Trace tr = run_euler(a, b, c, d, v0, I0, duration, dt);
      sink += tr.v[tr.steps] + (double)tr.nspikes;
      free_trace(&tr);
    }
    samples[i] = (now_ns() - t0) / (double)batch / (double)steps;
    cpuSamples[i] = (cpu_ns() - c0) / (double)batch / (double)steps;
  }
  qsort(samples, BATCHES, sizeof(double), compare);
  qsort(cpuSamples, BATCHES, sizeof(double), compare);
  printf("{\"nsPerStep\": %.4f, \"best\": %.4f, \"cpuNsPerStep\": %.4f, \"cpuBest\": %.4f, \"steps\": %ld, "
         "\"spikes\": %ld, \"vLast\": %.17g, \"vSum\": %.17g, \"uSum\": %.17g, \"runs\": %ld, \"sink\": %g}\n",
         samples[BATCHES / 2], samples[0], cpuSamples[BATCHES / 2], cpuSamples[0], steps, nspikes, vLast, vSum, uSum,
         (long)BATCHES * batch, (double)sink);
  return 0;
}
