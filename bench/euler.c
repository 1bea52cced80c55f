/*
 * C baseline for the forward-Euler kernel of lib/ (method "euler"): the same arithmetic and the same
 * recording, so that bench/kernels.ts can report how far the TypeScript kernel is from compiled C.
 *
 *   v' = 0.04 v^2 + 5 v + 140 - u + I,   u' = a (b v - u)   (both from the old state)
 *   if v >= 30 after the step: record 30, v = c, u += d, record the spike time
 *   each step records v, u and I into arrays.
 *
 * Two modes: "fresh" allocates the arrays for every run, as simulate() returns new columns each call (the
 * like-for-like comparison); "reuse" allocates them once, timing the loop alone (no page faults).
 *
 * Built by bench/kernels.ts with `gcc -O3 -march=native` into .bench/. Usage:
 *   euler fresh|reuse A B C D V0 CURRENT DURATION DT
 * Prints one JSON line: {"nsPerStep": median, "best": fastest batch, "steps": n, "spikes": count, ...}.
 * Timing as in kernels.ts: warm-up for >= 0.3 s, then 15 batches of >= 25 ms each; median of ns per step.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
  double *v, *u, *I, *spikes;
  long steps, nspikes;
} Trace;

static int reuse = 0;     /* mode "reuse": keep the arrays of the first run */
static Trace kept = {0};

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
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
    tr.v = malloc(sizeof(double) * n);
    tr.u = malloc(sizeof(double) * n);
    tr.I = malloc(sizeof(double) * n);
    tr.spikes = malloc(sizeof(double) * (n / 2 + 1));
  }
  tr.steps = steps;
  tr.nspikes = 0;
  if (!tr.v || !tr.u || !tr.I || !tr.spikes) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  double v = v0, u = b * v0;
  tr.v[0] = v;
  tr.u[0] = u;
  tr.I[0] = current_at(I0, 0);
  for (long k = 0; k < steps; k++) {
    double I = tr.I[k];
    /* The same arithmetic, in the same order, as lib/integrators/fixedStep.ts's euler. */
    double du = a * b * v - a * u;
    v = v + dt * (0.04 * (v * v) + 5 * v + 140 - u + I);
    u = u + dt * du;
    if (v >= 30) {
      tr.v[k + 1] = 30;
      v = c;
      u += d;
      tr.spikes[tr.nspikes++] = (double)(k + 1) * dt;
    } else {
      tr.v[k + 1] = v;
    }
    tr.u[k + 1] = u;
    tr.I[k + 1] = current_at(I0, (double)(k + 1) * dt);
  }
  return tr;
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
  double p[8];
  for (int i = 0; i < 8; i++) p[i] = strtod(argv[i + 2], NULL);
  double a = p[0], b = p[1], c = p[2], d = p[3], v0 = p[4], I0 = p[5], duration = p[6], dt = p[7];

  volatile double sink = 0; /* keeps every run's result alive */
  Trace first = run_euler(a, b, c, d, v0, I0, duration, dt);
  long steps = first.steps, nspikes = first.nspikes;
  double vLast = first.v[steps];
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
  double samples[BATCHES];
  for (int i = 0; i < BATCHES; i++) {
    double t0 = now_ns();
    for (long j = 0; j < batch; j++) {
      Trace tr = run_euler(a, b, c, d, v0, I0, duration, dt);
      sink += tr.v[tr.steps] + (double)tr.nspikes;
      free_trace(&tr);
    }
    samples[i] = (now_ns() - t0) / (double)batch / (double)steps;
  }
  qsort(samples, BATCHES, sizeof(double), compare);
  printf("{\"nsPerStep\": %.4f, \"best\": %.4f, \"steps\": %ld, \"spikes\": %ld, \"vLast\": %.17g, \"runs\": %ld, "
         "\"sink\": %g}\n",
         samples[BATCHES / 2], samples[0], steps, nspikes, vLast, (long)BATCHES * batch, (double)sink);
  return 0;
}
