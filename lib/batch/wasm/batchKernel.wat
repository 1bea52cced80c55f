;; The batch simulator's fixed-step loops (lib/batch/kernelJs.ts) in WebAssembly SIMD: two neurons per
;; f64x2 vector.
;;
;; Bit for bit the arithmetic of the TypeScript kernels, hence of `simulate`: every operation is an IEEE-754
;; double add, sub or mul in the same order (f64x2 has no fused multiply-add, so nothing is contracted), and
;; the tests for a spike and for a non-finite state are the same comparisons. Assemble with
;; `node scripts/wasm.mjs`, which writes the bytes into lib/batch/wasm/batchKernel.ts.
;;
;; Memory (byte addresses chosen by runBatchKernel.ts and passed to `setup`):
;;   records  one 128-byte record per PAIR of neurons (lanes 0 and 1), each field an f64x2:
;;              0 v   16 u   32 p1   48 p2   64 p3   80 I   96 c   112 d
;;            I is each neuron's whole current when the shared current is constant ($varying = 0: the
;;            caller stores S + I_dc, the very sum the step would compute, which saves an add per step),
;;            else its DC part, and the step adds the shared current of the step: (S_k + I_dc), in that order.
;;            euler:     u' = p1·v − p2·u + p3  (p1 = a·b, p2 = a, p3 = 0; accommodation: p2 = 0, p3 = 65·a·b)
;;            paper2004: u  += p1·(p2·v − u)    (p1 = τ·a, p2 = b); accommodation: u += p3·(v + 65) (p3 = τ·a·b)
;;   counts   i32 per neuron: spikes so far          stopped  i32 per neuron: 0 running, 1 spike cap, 2 not finite
;;   stopStep i32 per neuron: step at which it stopped
;;   frozen   2 × f64 per neuron: v and u when it stopped (a stopped neuron goes on being stepped, unrecorded)
;;   shared   f64 per step: the current common to all neurons at k·dt
;;   log      2 × i32 per spike: neuron, step (the spike time is step·dt)
(module
  (memory (export "memory") 1)
  (global $n (mut i32) (i32.const 0))
  (global $maxSpikes (mut i32) (i32.const 0))
  (global $vPeak (mut f64) (f64.const 0))
  (global $counts (mut i32) (i32.const 0))
  (global $stopped (mut i32) (i32.const 0))
  (global $stopStep (mut i32) (i32.const 0))
  (global $frozen (mut i32) (i32.const 0))
  (global $shared (mut i32) (i32.const 0))
  (global $log (mut i32) (i32.const 0))
  (global $logCapacity (mut i32) (i32.const 0))
  (global $logLength (export "logLength") (mut i32) (i32.const 0))

  (func (export "setup")
    (param $n i32) (param $maxSpikes i32) (param $vPeak f64) (param $counts i32) (param $stopped i32)
    (param $stopStep i32) (param $frozen i32) (param $shared i32) (param $log i32) (param $logCapacity i32)
    (global.set $n (local.get $n))
    (global.set $maxSpikes (local.get $maxSpikes))
    (global.set $vPeak (local.get $vPeak))
    (global.set $counts (local.get $counts))
    (global.set $stopped (local.get $stopped))
    (global.set $stopStep (local.get $stopStep))
    (global.set $frozen (local.get $frozen))
    (global.set $shared (local.get $shared))
    (global.set $log (local.get $log))
    (global.set $logCapacity (local.get $logCapacity))
    (global.set $logLength (i32.const 0)))

  ;; |x| ≤ the largest double: false for ±Infinity and NaN (simulate's isFinite test on v + u).
  (func $finite (param $x f64) (result i32)
    (f64.le (f64.abs (local.get $x)) (f64.const 0x1.fffffffffffffp+1023)))

  ;; Freezes neuron $i at $step: why 1 = spike cap reached, 2 = v + u not finite.
  (func $stop (param $i i32) (param $step i32) (param $why i32) (param $v f64) (param $u f64)
    (local $at i32)
    (i32.store (i32.add (global.get $stopped) (i32.shl (local.get $i) (i32.const 2))) (local.get $why))
    (i32.store (i32.add (global.get $stopStep) (i32.shl (local.get $i) (i32.const 2))) (local.get $step))
    (local.set $at (i32.add (global.get $frozen) (i32.shl (local.get $i) (i32.const 4))))
    (f64.store (local.get $at) (local.get $v))
    (f64.store offset=8 (local.get $at) (local.get $u)))

  ;; One lane of a pair whose vector test failed: a spike (v ≥ vPeak, or v > vPeak if $strict), a non-finite
  ;; state, or neither (the other lane's event). $at is the address of the lane's v in its record (the
  ;; record's address + 8 for lane 1); $i its neuron (≥ n for the padding lane of an odd batch). The scalar
  ;; kernels' order: reset, then record the spike unless stopped, then the cap, then isFinite(v + u).
  (func $event (param $at i32) (param $i i32) (param $step i32) (param $strict i32)
    (local $v f64) (local $u f64) (local $live i32) (local $count i32) (local $entry i32)
    (local.set $v (f64.load (local.get $at)))
    (local.set $u (f64.load offset=16 (local.get $at)))
    (local.set $live
      (i32.and
        (i32.lt_u (local.get $i) (global.get $n))
        (i32.eqz (i32.load (i32.add (global.get $stopped) (i32.shl (local.get $i) (i32.const 2)))))))
    (if (select (f64.gt (local.get $v) (global.get $vPeak)) (f64.ge (local.get $v) (global.get $vPeak)) (local.get $strict))
      (then
        (local.set $v (f64.load offset=96 (local.get $at)))
        (local.set $u (f64.add (local.get $u) (f64.load offset=112 (local.get $at))))
        (f64.store (local.get $at) (local.get $v))
        (f64.store offset=16 (local.get $at) (local.get $u))
        (if (local.get $live)
          (then
            (local.set $entry (i32.add (global.get $log) (i32.shl (global.get $logLength) (i32.const 3))))
            (i32.store (local.get $entry) (local.get $i))
            (i32.store offset=4 (local.get $entry) (local.get $step))
            (global.set $logLength (i32.add (global.get $logLength) (i32.const 1)))
            (local.set $entry (i32.add (global.get $counts) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $count (i32.add (i32.load (local.get $entry)) (i32.const 1)))
            (i32.store (local.get $entry) (local.get $count))
            (if (i32.ge_s (local.get $count) (global.get $maxSpikes))
              (then (call $stop (local.get $i) (local.get $step) (i32.const 1) (local.get $v) (local.get $u)))
              (else
                (if (i32.eqz (call $finite (f64.add (local.get $v) (local.get $u))))
                  (then (call $stop (local.get $i) (local.get $step) (i32.const 2) (local.get $v) (local.get $u)))))))))
      (else
        (if (i32.and (local.get $live) (i32.eqz (call $finite (f64.add (local.get $v) (local.get $u)))))
          (then (call $stop (local.get $i) (local.get $step) (i32.const 2) (local.get $v) (local.get $u)))))))

;; Both lanes of the pair whose record starts at $at, the $from-th record starting at neuron $i.
  (func $events (param $at i32) (param $from i32) (param $i i32) (param $step i32) (param $strict i32)
    (local.set $i (i32.add (local.get $i) (i32.shr_u (i32.sub (local.get $at) (local.get $from)) (i32.const 6))))
    (call $event (local.get $at) (local.get $i) (local.get $step) (local.get $strict))
    (call $event (i32.add (local.get $at) (i32.const 8)) (i32.add (local.get $i) (i32.const 1)) (local.get $step) (local.get $strict)))

  ;; Steps the pairs of records [$from, $to) (neuron $i is lane 0 of the first) from step $k up to $steps and
  ;; returns the step reached: $steps, or earlier when the spike log might overflow in the next step (the
  ;; caller empties the log and calls again from there).
  ;;
  ;; Forward Euler as integrators/fixedStep.ts `euler`: both derivatives from the old state, then the test
  ;; v ≥ vPeak, then isFinite(v + u).
  (func (export "euler")
    (param $from i32) (param $to i32) (param $i i32) (param $k i32) (param $steps i32)
    (param $dt f64) (param $e f64) (param $f f64) (param $g f64) (param $varying i32) (result i32)
    (local $at i32) (local $lanes i32) (local $J v128)
    (local $DT v128) (local $E v128) (local $F v128) (local $G v128) (local $PEAK v128)
    (local $I v128) (local $v v128) (local $u v128) (local $du v128) (local $s v128)
    (local.set $DT (f64x2.splat (local.get $dt)))
    (local.set $E (f64x2.splat (local.get $e)))
    (local.set $F (f64x2.splat (local.get $f)))
    (local.set $G (f64x2.splat (local.get $g)))
    (local.set $PEAK (f64x2.splat (global.get $vPeak)))
    (local.set $lanes (i32.shr_u (i32.sub (local.get $to) (local.get $from)) (i32.const 6)))
    (block $done
      (loop $time
        (br_if $done (i32.ge_s (local.get $k) (local.get $steps)))
        (br_if $done (i32.gt_s (i32.add (global.get $logLength) (local.get $lanes)) (global.get $logCapacity)))
        (local.set $I (f64x2.splat (f64.load (i32.add (global.get $shared) (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $at (local.get $from))
        (loop $pairs
          (local.set $J (v128.load offset=80 (local.get $at)))
          (if (local.get $varying) (then (local.set $J (f64x2.add (local.get $I) (local.get $J)))))
          (local.set $v (v128.load (local.get $at)))
          (local.set $u (v128.load offset=16 (local.get $at)))
          ;; du = (p1·v − p2·u) + p3
          (local.set $du
            (f64x2.add
              (f64x2.sub (f64x2.mul (v128.load offset=32 (local.get $at)) (local.get $v)) (f64x2.mul (v128.load offset=48 (local.get $at)) (local.get $u)))
              (v128.load offset=64 (local.get $at))))
          ;; v += dt·((((e·(v·v) + f·v) + g) − u) + (S_k + I_dc))
          (local.set $v
            (f64x2.add (local.get $v)
              (f64x2.mul (local.get $DT)
                (f64x2.add
                  (f64x2.sub
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $E) (f64x2.mul (local.get $v) (local.get $v))) (f64x2.mul (local.get $F) (local.get $v)))
                      (local.get $G))
                    (local.get $u))
                  (local.get $J)))))
          (local.set $u (f64x2.add (local.get $u) (f64x2.mul (local.get $DT) (local.get $du))))
          (v128.store (local.get $at) (local.get $v))
          (v128.store offset=16 (local.get $at) (local.get $u))
          ;; Fast path while v < vPeak and v + u is finite in both lanes: s − s is 0 for a finite s = v + u
          ;; and NaN otherwise, so one comparison tests both (v + 0 = v exactly).
          (local.set $s (f64x2.add (local.get $v) (local.get $u)))
          (if (i32.ne (i64x2.bitmask (f64x2.lt (f64x2.add (local.get $v) (f64x2.sub (local.get $s) (local.get $s))) (local.get $PEAK))) (i32.const 3))
            (then (call $events (local.get $at) (local.get $from) (local.get $i) (local.get $k) (i32.const 0))))
          (local.set $at (i32.add (local.get $at) (i32.const 128)))
          (br_if $pairs (i32.lt_u (local.get $at) (local.get $to))))
        (br $time)))
    (local.get $k))

  ;; figure1.m's loop as integrators/fixedStep.ts `paper2004`: v from the old state, u from the NEW v
  ;; (standard: u += τa·(b·v − u); $accommodation ≠ 0: u += τab·(v + 65)), then the strict test v > vPeak.
  (func (export "paper2004")
    (param $from i32) (param $to i32) (param $i i32) (param $k i32) (param $steps i32)
    (param $tau f64) (param $e f64) (param $f f64) (param $g f64) (param $accommodation i32) (param $varying i32) (result i32)
    (local $at i32) (local $lanes i32) (local $J v128)
    (local $TAU v128) (local $E v128) (local $F v128) (local $G v128) (local $PEAK v128)
    (local $I v128) (local $v v128) (local $u v128) (local $s v128) (local $SIXTYFIVE v128)
    (local.set $TAU (f64x2.splat (local.get $tau)))
    (local.set $E (f64x2.splat (local.get $e)))
    (local.set $F (f64x2.splat (local.get $f)))
    (local.set $G (f64x2.splat (local.get $g)))
    (local.set $PEAK (f64x2.splat (global.get $vPeak)))
    (local.set $SIXTYFIVE (f64x2.splat (f64.const 65)))
    (local.set $lanes (i32.shr_u (i32.sub (local.get $to) (local.get $from)) (i32.const 6)))
    (block $done
      (loop $time
        (br_if $done (i32.ge_s (local.get $k) (local.get $steps)))
        (br_if $done (i32.gt_s (i32.add (global.get $logLength) (local.get $lanes)) (global.get $logCapacity)))
        (local.set $I (f64x2.splat (f64.load (i32.add (global.get $shared) (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $at (local.get $from))
        (loop $pairs
          (local.set $J (v128.load offset=80 (local.get $at)))
          (if (local.get $varying) (then (local.set $J (f64x2.add (local.get $I) (local.get $J)))))
          (local.set $u (v128.load offset=16 (local.get $at)))
          (local.set $v (v128.load (local.get $at)))
          (local.set $v
            (f64x2.add (local.get $v)
              (f64x2.mul (local.get $TAU)
                (f64x2.add
                  (f64x2.sub
                    (f64x2.add
                      (f64x2.add (f64x2.mul (local.get $E) (f64x2.mul (local.get $v) (local.get $v))) (f64x2.mul (local.get $F) (local.get $v)))
                      (local.get $G))
                    (local.get $u))
                  (local.get $J)))))
          (local.set $u
            (if (result v128) (local.get $accommodation)
              (then (f64x2.add (local.get $u) (f64x2.mul (v128.load offset=64 (local.get $at)) (f64x2.add (local.get $v) (local.get $SIXTYFIVE)))))
              (else
                (f64x2.add (local.get $u)
                  (f64x2.mul (v128.load offset=32 (local.get $at))
                    (f64x2.sub (f64x2.mul (v128.load offset=48 (local.get $at)) (local.get $v)) (local.get $u)))))))
          (v128.store (local.get $at) (local.get $v))
          (v128.store offset=16 (local.get $at) (local.get $u))
          ;; Fast path while v ≤ vPeak and v + u is finite (see euler).
          (local.set $s (f64x2.add (local.get $v) (local.get $u)))
          (if (i32.ne (i64x2.bitmask (f64x2.le (f64x2.add (local.get $v) (f64x2.sub (local.get $s) (local.get $s))) (local.get $PEAK))) (i32.const 3))
            (then (call $events (local.get $at) (local.get $from) (local.get $i) (local.get $k) (i32.const 1))))
          (local.set $at (i32.add (local.get $at) (i32.const 128)))
          (br_if $pairs (i32.lt_u (local.get $at) (local.get $to))))
        (br $time)))
    (local.get $k)))
