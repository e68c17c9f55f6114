// The weight-gradient kernel of the direct convolution. See include/CKernels.h for the contract.
//
// Register block: ROWS output channels x 9 taps (one 3x3 kernel slab) of vector accumulators,
// fed per column vector by ROWS gradient loads (from L2) and 9 shifted input loads (from L1).
// Columns go in chunks so one input channel's rows stay in L1 and the gradient rows in L2.
// Every dw entry is summed in the same order whatever the channel split.
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

#define CHUNK 2048
#define GROUP 9

// The AVX-512 block, written once for both element types: FP32 (16 columns per vector, vfmadd)
// or BF16 (32 columns per vector as 16 adjacent pairs, vdpbf16ps, FP32 accumulators).
#define WEIGHT_GRADIENT_AVX512_BODY(WORD, STEP, LOAD, MADD)                                           \
    enum { ROWS = WG_WGRAD_ROW_BLOCK };                                                                \
    for (long j0 = 0; j0 < columns; j0 += CHUNK) {                                                     \
        const long j1 = j0 + CHUNK < columns ? j0 + CHUNK : columns;                                   \
        for (long c = cBegin; c < cEnd; c++) {                                                         \
            const WORD *xc = x + c * ldx;                                                              \
            for (long o = 0; o < outChannels; o += ROWS) {                                             \
                for (long t = 0; t < taps; t += GROUP) {                                               \
                    const long n = taps - t < GROUP ? taps - t : GROUP;                                \
                    const WORD *xs[GROUP];                                                             \
                    for (int i = 0; i < GROUP; i++) xs[i] = xc + shifts[t + (i < n ? i : 0)];          \
                    __m512 acc[ROWS][GROUP];                                                           \
                    _Pragma("clang loop unroll(full)")                                                 \
                    for (int r = 0; r < ROWS; r++)                                                     \
                        _Pragma("clang loop unroll(full)")                                             \
                        for (int i = 0; i < GROUP; i++) acc[r][i] = _mm512_setzero_ps();               \
                    for (long j = j0; j < j1; j += STEP) {                                             \
                        __m512 gv[ROWS];                                                               \
                        _Pragma("clang loop unroll(full)")                                             \
                        for (int r = 0; r < ROWS; r++) gv[r] = LOAD(g + (o + r) * ldg + j);            \
                        _Pragma("clang loop unroll(full)")                                             \
                        for (int i = 0; i < GROUP; i++) {                                              \
                            const __m512 xv = LOAD(xs[i] + j);                                         \
                            _Pragma("clang loop unroll(full)")                                         \
                            for (int r = 0; r < ROWS; r++) acc[r][i] = MADD(gv[r], xv, acc[r][i]);     \
                        }                                                                              \
                    }                                                                                  \
                    for (long r = 0; r < ROWS && o + r < outChannels; r++) {                           \
                        float *out = dw + ((o + r) * inChannels + c) * taps + t;                       \
                        for (long i = 0; i < n; i++) out[i] += _mm512_reduce_add_ps(acc[r][i]);        \
                    }                                                                                  \
                }                                                                                      \
            }                                                                                          \
        }                                                                                              \
    }

__attribute__((target("avx512f")))
static void weight_gradient_avx512(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                   long inChannels, const long *shifts, long taps, long columns,
                                   float *dw, long cBegin, long cEnd) {
    WEIGHT_GRADIENT_AVX512_BODY(float, 16, _mm512_loadu_ps, _mm512_fmadd_ps)
}

#define BF16_LOAD(p) _mm512_castsi512_ps(_mm512_loadu_si512((const void *)(p)))
#define BF16_MADD(a, b, acc) \
    _mm512_dpbf16_ps((acc), (__m512bh)_mm512_castps_si512(a), (__m512bh)_mm512_castps_si512(b))

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
static void weight_gradient_bf16(const uint16_t *g, long ldg, long outChannels, const uint16_t *x, long ldx,
                                 long inChannels, const long *shifts, long taps, long columns,
                                 float *dw, long cBegin, long cEnd) {
    WEIGHT_GRADIENT_AVX512_BODY(uint16_t, 32, BF16_LOAD, BF16_MADD)
}

void wg_conv_weight_gradient_bf16(const uint16_t *g, long ldg, long outChannels, const uint16_t *x, long ldx,
                                  long inChannels, const long *shifts, long taps, long columns,
                                  float *dw, long cBegin, long cEnd) {
    weight_gradient_bf16(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, dw, cBegin, cEnd);
}

__attribute__((target("avx2,fma")))
static float hsum256(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

// AVX2: ROWS output channels x 3 taps per block (9 accumulators; 3 gradient and 3 input loads
// per 9 multiply-adds), same chunking; each dw entry is still one 8-lane sum per chunk, added in
// chunk order, so the blocking does not change results.
__attribute__((target("avx2,fma")))
static void weight_gradient_avx2(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                 long inChannels, const long *shifts, long taps, long columns,
                                 float *dw, long cBegin, long cEnd) {
    enum { ROWS = WG_WGRAD_ROW_BLOCK, TAPS = 3 };
    for (long j0 = 0; j0 < columns; j0 += CHUNK) {
        const long j1 = j0 + CHUNK < columns ? j0 + CHUNK : columns;
        for (long c = cBegin; c < cEnd; c++) {
            const float *xc = x + c * ldx;
            for (long o = 0; o < outChannels; o += ROWS) {
                for (long t = 0; t < taps; t += TAPS) {
                    const long n = taps - t < TAPS ? taps - t : TAPS;
                    const float *xs[TAPS];
                    for (int i = 0; i < TAPS; i++) xs[i] = xc + shifts[t + (i < n ? i : 0)];
                    __m256 acc[ROWS][TAPS];
#pragma clang loop unroll(full)
                    for (int r = 0; r < ROWS; r++)
#pragma clang loop unroll(full)
                        for (int i = 0; i < TAPS; i++) acc[r][i] = _mm256_setzero_ps();
                    for (long j = j0; j < j1; j += 8) {
                        __m256 gv[ROWS];
#pragma clang loop unroll(full)
                        for (int r = 0; r < ROWS; r++) gv[r] = _mm256_loadu_ps(g + (o + r) * ldg + j);
#pragma clang loop unroll(full)
                        for (int i = 0; i < TAPS; i++) {
                            const __m256 xv = _mm256_loadu_ps(xs[i] + j);
#pragma clang loop unroll(full)
                            for (int r = 0; r < ROWS; r++) acc[r][i] = _mm256_fmadd_ps(gv[r], xv, acc[r][i]);
                        }
                    }
                    for (long r = 0; r < ROWS && o + r < outChannels; r++) {
                        float *out = dw + ((o + r) * inChannels + c) * taps + t;
                        for (long i = 0; i < n; i++) out[i] += hsum256(acc[r][i]);
                    }
                }
            }
        }
    }
}

void wg_conv_weight_gradient(const float *g, long ldg, long outChannels, const float *x, long ldx,
                             long inChannels, const long *shifts, long taps, long columns,
                             float *dw, long cBegin, long cEnd) {
    if (wg_conv_uses_avx512()) {
        weight_gradient_avx512(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, dw, cBegin, cEnd);
    } else {
        weight_gradient_avx2(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, dw, cBegin, cEnd);
    }
}
