// The weight-gradient kernel of the direct convolution. See include/CKernels.h for the contract.
//
// Register block: 4 output channels x 3 taps (one kernel row) = 12 vector accumulators, fed by
// 4 gradient loads and 3 shifted input loads per column vector. Columns are processed in chunks
// so that one input channel's rows stay in L1 and the gradient rows in L2 across the blocks.
#include "CKernels.h"
#include <immintrin.h>

#define CHUNK 2048

__attribute__((target("avx512f")))
static void weight_gradient_avx512(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                   long inChannels, const long *shifts, long taps, long columns,
                                   float *dw, long cBegin, long cEnd) {
    for (long j0 = 0; j0 < columns; j0 += CHUNK) {
        const long j1 = j0 + CHUNK < columns ? j0 + CHUNK : columns;
        for (long c = cBegin; c < cEnd; c++) {
            for (long o = 0; o < outChannels; o += WG_WGRAD_ROW_BLOCK) {
                const float *g0 = g + o * ldg, *g1 = g0 + ldg, *g2 = g1 + ldg, *g3 = g2 + ldg;
                for (long t = 0; t < taps; t += 3) {
                    const float *xs = x + c * ldx + shifts[t];
                    __m512 a00 = _mm512_setzero_ps(), a01 = _mm512_setzero_ps(), a02 = _mm512_setzero_ps();
                    __m512 a10 = _mm512_setzero_ps(), a11 = _mm512_setzero_ps(), a12 = _mm512_setzero_ps();
                    __m512 a20 = _mm512_setzero_ps(), a21 = _mm512_setzero_ps(), a22 = _mm512_setzero_ps();
                    __m512 a30 = _mm512_setzero_ps(), a31 = _mm512_setzero_ps(), a32 = _mm512_setzero_ps();
                    for (long j = j0; j < j1; j += 16) {
                        const __m512 x0 = _mm512_loadu_ps(xs + j), x1 = _mm512_loadu_ps(xs + j + 1), x2 = _mm512_loadu_ps(xs + j + 2);
                        __m512 v = _mm512_loadu_ps(g0 + j);
                        a00 = _mm512_fmadd_ps(v, x0, a00); a01 = _mm512_fmadd_ps(v, x1, a01); a02 = _mm512_fmadd_ps(v, x2, a02);
                        v = _mm512_loadu_ps(g1 + j);
                        a10 = _mm512_fmadd_ps(v, x0, a10); a11 = _mm512_fmadd_ps(v, x1, a11); a12 = _mm512_fmadd_ps(v, x2, a12);
                        v = _mm512_loadu_ps(g2 + j);
                        a20 = _mm512_fmadd_ps(v, x0, a20); a21 = _mm512_fmadd_ps(v, x1, a21); a22 = _mm512_fmadd_ps(v, x2, a22);
                        v = _mm512_loadu_ps(g3 + j);
                        a30 = _mm512_fmadd_ps(v, x0, a30); a31 = _mm512_fmadd_ps(v, x1, a31); a32 = _mm512_fmadd_ps(v, x2, a32);
                    }
                    const __m512 sums[4][3] = {{a00, a01, a02}, {a10, a11, a12}, {a20, a21, a22}, {a30, a31, a32}};
                    for (long r = 0; r < WG_WGRAD_ROW_BLOCK && o + r < outChannels; r++) {
                        float *out = dw + ((o + r) * inChannels + c) * taps + t;
                        out[0] += _mm512_reduce_add_ps(sums[r][0]);
                        out[1] += _mm512_reduce_add_ps(sums[r][1]);
                        out[2] += _mm512_reduce_add_ps(sums[r][2]);
                    }
                }
            }
        }
    }
}

__attribute__((target("avx2,fma")))
static float hsum256(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

// AVX2: 2 output channels x 3 taps per block (registers are scarce), same chunking and order.
__attribute__((target("avx2,fma")))
static void weight_gradient_avx2(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                 long inChannels, const long *shifts, long taps, long columns,
                                 float *dw, long cBegin, long cEnd) {
    for (long j0 = 0; j0 < columns; j0 += CHUNK) {
        const long j1 = j0 + CHUNK < columns ? j0 + CHUNK : columns;
        for (long c = cBegin; c < cEnd; c++) {
            for (long o = 0; o < outChannels; o += 2) {
                const float *g0 = g + o * ldg, *g1 = g0 + ldg;
                for (long t = 0; t < taps; t += 3) {
                    const float *xs = x + c * ldx + shifts[t];
                    __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps(), a02 = _mm256_setzero_ps();
                    __m256 a10 = _mm256_setzero_ps(), a11 = _mm256_setzero_ps(), a12 = _mm256_setzero_ps();
                    for (long j = j0; j < j1; j += 8) {
                        const __m256 x0 = _mm256_loadu_ps(xs + j), x1 = _mm256_loadu_ps(xs + j + 1), x2 = _mm256_loadu_ps(xs + j + 2);
                        __m256 v = _mm256_loadu_ps(g0 + j);
                        a00 = _mm256_fmadd_ps(v, x0, a00); a01 = _mm256_fmadd_ps(v, x1, a01); a02 = _mm256_fmadd_ps(v, x2, a02);
                        v = _mm256_loadu_ps(g1 + j);
                        a10 = _mm256_fmadd_ps(v, x0, a10); a11 = _mm256_fmadd_ps(v, x1, a11); a12 = _mm256_fmadd_ps(v, x2, a12);
                    }
                    const __m256 sums[2][3] = {{a00, a01, a02}, {a10, a11, a12}};
                    for (long r = 0; r < 2 && o + r < outChannels; r++) {
                        float *out = dw + ((o + r) * inChannels + c) * taps + t;
                        out[0] += hsum256(sums[r][0]);
                        out[1] += hsum256(sums[r][1]);
                        out[2] += hsum256(sums[r][2]);
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
