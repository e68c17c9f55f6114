// Transforms of the Winograd F(4,3) convolution path (see Sources/Tensor/Kernels/ConvKernel+Winograd.swift).
// Output quads (y0..y3) of a 3-tap correlation over d0..d5 (interpolation points 0, ±1, ±2, ∞):
//   u = Bᵀ d (input, per quad start parity), M_k = G_k · u_k, y = Aᵀ M (output).
// The input and output-gradient transforms are one routine, wg_winograd_quads, driven by a
// coefficient matrix; AVX-512 versions de-interleave / interleave quads with two-source permutes,
// AVX2 versions with 8 x 4 transposes (twice as fast as gathers here).
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

// The same arithmetic as one lane of quads_avx512 and quads_avx2 (a product, then fused
// multiply-adds), so a quad's transform does not depend on which path it falls in: the end of a
// row goes here (AVX2, unless its reads stay inside the row), and windows of a volume must reproduce its voxels bit for bit (tiled sampling).
__attribute__((target("avx2,fma")))
static void quads_scalar(const float *x, long length, long offset, const float *matrix, long taps,
                         float *u, long ldu, long from, long to) {
    for (long i = from; i < to; i++) {
        float d[WG_WINOGRAD_POINTS] = {0};
        for (long j = 0; j < taps; j++) {
            const long at = 4 * i + offset + j;
            d[j] = at < length ? x[at] : 0;
        }
        for (long k = 0; k < WG_WINOGRAD_POINTS; k++) {
            float sum = matrix[k * taps] * d[0];
            for (long j = 1; j < taps; j++) sum = __builtin_fmaf(matrix[k * taps + j], d[j], sum);
            u[k * ldu + i] = sum;
        }
    }
}

// Lane l of the result is element 4l + r of the 64 floats v0..v3.
__attribute__((target("avx512f")))
static inline __m512 every_fourth(__m512 v0, __m512 v1, __m512 v2, __m512 v3, __m512i index) {
    const __m512 low = _mm512_permutex2var_ps(v0, index, v1), high = _mm512_permutex2var_ps(v2, index, v3);
    return _mm512_shuffle_f32x4(low, high, 0x44);
}

// The six transformed values of sixteen quads from p[0 .. 67].
__attribute__((target("avx512f")))
static inline void quads_sums(const float *p, const float *matrix, long taps, const __m512i *index, __m512 *sum) {
    __m512 d[WG_WINOGRAD_POINTS];
    const __m512 v0 = _mm512_loadu_ps(p), v1 = _mm512_loadu_ps(p + 16);
    const __m512 v2 = _mm512_loadu_ps(p + 32), v3 = _mm512_loadu_ps(p + 48);
    for (int j = 0; j < 4 && j < taps; j++) d[j] = every_fourth(v0, v1, v2, v3, index[j]);
    if (taps > 4) {
        const __m512 w0 = _mm512_loadu_ps(p + 4), w1 = _mm512_loadu_ps(p + 20);
        const __m512 w2 = _mm512_loadu_ps(p + 36), w3 = _mm512_loadu_ps(p + 52);
        for (int j = 4; j < taps; j++) d[j] = every_fourth(w0, w1, w2, w3, index[j - 4]);
    }
    for (long k = 0; k < WG_WINOGRAD_POINTS; k++) {
        sum[k] = _mm512_mul_ps(_mm512_set1_ps(matrix[k * taps]), d[0]);
        for (long j = 1; j < taps; j++) sum[k] = _mm512_fmadd_ps(_mm512_set1_ps(matrix[k * taps + j]), d[j], sum[k]);
    }
}

// The quad loop of both output formats: sixteen quads at a time, read in place while
// x[4i + offset .. 4i + offset + 67] stays inside the row, the rest from a zero-padded copy
// (reads at or past `length` are zeros). STORE(i, sum, lanes) writes quads i .. i + 15.
#define QUADS_AVX512_LOOP(STORE)                                                                    \
    __m512i index[4];                                                                              \
    for (int r = 0; r < 4; r++) {                                                                  \
        index[r] = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 28 + r, 24 + r, 20 + r, 16 + r, 12 + r, 8 + r, 4 + r, r); \
    }                                                                                              \
    __m512 sum[WG_WINOGRAD_POINTS];                                                                \
    long i = 0;                                                                                    \
    for (; i + 16 <= count && 4 * i + offset + 68 <= length; i += 16) {                            \
        quads_sums(x + 4 * i + offset, matrix, taps, index, sum);                                  \
        STORE(i, sum, 16);                                                                         \
    }                                                                                              \
    for (; i < count; i += 16) {                                                                   \
        const long start = 4 * i + offset;                                                         \
        if (start + 68 <= length) {                                                                \
            quads_sums(x + start, matrix, taps, index, sum);                                       \
        } else {                                                                                   \
            float padded[68] = {0};                                                                \
            for (long e = 0; e < 68 && start + e < length; e++) padded[e] = x[start + e];          \
            quads_sums(padded, matrix, taps, index, sum);                                          \
        }                                                                                          \
        STORE(i, sum, count - i < 16 ? count - i : 16);                                            \
    }

#define STORE_FP32(i, sum, lanes)                                                                   \
    for (long k = 0; k < WG_WINOGRAD_POINTS; k++)                                                  \
        _mm512_mask_storeu_ps(u + k * ldu + (i), (__mmask16)((1u << (lanes)) - 1), sum[k]);

__attribute__((target("avx512f")))
static void quads_avx512(const float *x, long length, long offset, const float *matrix, long taps,
                         float *u, long ldu, long count) {
    QUADS_AVX512_LOOP(STORE_FP32)
}

// BF16 lanes to u[(k * ldu + i + l) * stride], stride 1 (plain rows) or 2 (one half of each
// 32-bit word: the lanes widened to words, every other 16-bit element written).
#define STORE_BF16(i, sum, lanes)                                                                   \
    for (long k = 0; k < WG_WINOGRAD_POINTS; k++) {                                                \
        const __m256i b = (__m256i)_mm512_cvtneps_pbh(sum[k]);                                     \
        uint16_t *out = u + (k * ldu + (i)) * stride;                                              \
        if (stride == 1) {                                                                         \
            _mm256_mask_storeu_epi16(out, (__mmask16)((1u << (lanes)) - 1), b);                    \
        } else {                                                                                   \
            const __mmask32 halves = (__mmask32)(0x55555555u & (lanes >= 16 ? 0xFFFFFFFFu : (1u << (2 * (lanes))) - 1)); \
            _mm512_mask_storeu_epi16(out, halves, _mm512_cvtepu16_epi32(b));                       \
        }                                                                                          \
    }

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
void wg_winograd_quads_bf16(const float *x, long length, long offset, const float *matrix, long taps,
                            uint16_t *u, long ldu, long count, long stride) {
    QUADS_AVX512_LOOP(STORE_BF16)
}

// Lanes l = 0..7 of d[r] are p[4l + r], r < 4: the rows p[4l .. 4l + 3] as an 8 x 4 transpose
// (rows l and l + 4 share a 256-bit register, then a 4 x 4 transpose within each half).
__attribute__((target("avx2,fma")))
static inline void every_fourth_avx2(const float *p, __m256 *d) {
    const __m256 v0 = _mm256_loadu_ps(p), v1 = _mm256_loadu_ps(p + 8);
    const __m256 v2 = _mm256_loadu_ps(p + 16), v3 = _mm256_loadu_ps(p + 24);
    const __m256 r04 = _mm256_permute2f128_ps(v0, v2, 0x20), r15 = _mm256_permute2f128_ps(v0, v2, 0x31);
    const __m256 r26 = _mm256_permute2f128_ps(v1, v3, 0x20), r37 = _mm256_permute2f128_ps(v1, v3, 0x31);
    const __m256 lo01 = _mm256_unpacklo_ps(r04, r15), hi01 = _mm256_unpackhi_ps(r04, r15);
    const __m256 lo23 = _mm256_unpacklo_ps(r26, r37), hi23 = _mm256_unpackhi_ps(r26, r37);
    d[0] = _mm256_shuffle_ps(lo01, lo23, 0x44);
    d[1] = _mm256_shuffle_ps(lo01, lo23, 0xEE);
    d[2] = _mm256_shuffle_ps(hi01, hi23, 0x44);
    d[3] = _mm256_shuffle_ps(hi01, hi23, 0xEE);
}

// The six transformed values of eight quads from p[0 .. 27 + taps]: the same arithmetic as
// quads_scalar lane by lane. Taps 4 and 5 are taps 0 and 1 of the next quad (one lane on, the
// last lane from p[32], p[33]).
__attribute__((target("avx2,fma"), always_inline))
static inline void quads_sums_avx2(const float *p, const float *matrix, long taps, __m256 *sum) {
    __m256 d[WG_WINOGRAD_POINTS];
    every_fourth_avx2(p, d);
    const __m256i next = _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 7);
    for (int j = 4; j < taps; j++) {
        d[j] = _mm256_blend_ps(_mm256_permutevar8x32_ps(d[j - 4], next), _mm256_broadcast_ss(p + 28 + j), 0x80);
    }
    for (long k = 0; k < WG_WINOGRAD_POINTS; k++) {
        sum[k] = _mm256_mul_ps(_mm256_set1_ps(matrix[k * taps]), d[0]);
        for (long j = 1; j < taps; j++) sum[k] = _mm256_fmadd_ps(_mm256_set1_ps(matrix[k * taps + j]), d[j], sum[k]);
    }
}

// Eight quads at a time while they read inside the row (the last block masked when fewer than
// eight are left); the rest (reads at or past `length`) in quads_scalar, whose arithmetic is the
// same. Returns the first quad left.
__attribute__((target("avx2,fma"), always_inline))
static inline long quads_avx2_blocks(const float *x, long length, long offset, const float *matrix, long taps,
                                     float *u, long ldu, long count) {
    const long reach = taps > 4 ? 28 + taps : 32;
    long i = 0;
    for (; i < count && 4 * i + offset + reach <= length; i += 8) {
        __m256 sum[WG_WINOGRAD_POINTS];
        quads_sums_avx2(x + 4 * i + offset, matrix, taps, sum);
        if (i + 8 <= count) {
            for (long k = 0; k < WG_WINOGRAD_POINTS; k++) _mm256_storeu_ps(u + k * ldu + i, sum[k]);
        } else {
            const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count - i)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
            for (long k = 0; k < WG_WINOGRAD_POINTS; k++) _mm256_maskstore_ps(u + k * ldu + i, mask, sum[k]);
            return count;
        }
    }
    return i;
}

// The two tap counts in use get their own copies with every loop unrolled (about 3x faster).
__attribute__((target("avx2,fma")))
static void quads_avx2(const float *x, long length, long offset, const float *matrix, long taps,
                       float *u, long ldu, long count) {
    long i = 0;
    if (taps == 6) {
        i = quads_avx2_blocks(x, length, offset, matrix, 6, u, ldu, count);
    } else if (taps == 4) {
        i = quads_avx2_blocks(x, length, offset, matrix, 4, u, ldu, count);
    } else if (taps <= WG_WINOGRAD_POINTS) {
        i = quads_avx2_blocks(x, length, offset, matrix, taps, u, ldu, count);
    }
    quads_scalar(x, length, offset, matrix, taps, u, ldu, i, count);
}

void wg_winograd_quads(const float *x, long length, long offset, const float *matrix, long taps,
                       float *u, long ldu, long count) {
    if (wg_conv_uses_avx512()) {
        quads_avx512(x, length, offset, matrix, taps, u, ldu, count);
    } else {
        quads_avx2(x, length, offset, matrix, taps, u, ldu, count);
    }
}

// Aᵀ: y0 = M0+M1+M2+M3+M4, y1 = M1-M2+2M3-2M4, y2 = M1+M2+4M3+4M4, y3 = M1-M2+8M3-8M4+M5.
static inline float output_scalar(const float *const *m, long j) {
    const long q = j >> 2;
    const float a = m[1][q] + m[2][q], b = m[1][q] - m[2][q], c = m[3][q] + m[4][q], d = m[3][q] - m[4][q];
    switch (j & 3) {
    case 0: return m[0][q] + a + c;
    case 1: return b + 2 * d;
    case 2: return a + 4 * c;
    default: return b + 8 * d + m[5][q];
    }
}

// Sixteen quads from q (lanes past `lanes` read as zeros): the first `outputs` of their 64
// outputs, in order, to o.
__attribute__((target("avx512f")))
static inline void output_block(const float *const *m, long q, __mmask16 lanes, long outputs, float *o) {
    const __m512i low = _mm512_set_epi32(23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    const __m512i high = _mm512_set_epi32(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8);
    const __m512i pairLow = _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0);
    const __m512i pairHigh = _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4);
    const __m512 two = _mm512_set1_ps(2), four = _mm512_set1_ps(4), eight = _mm512_set1_ps(8);
    const __m512 m1 = _mm512_maskz_loadu_ps(lanes, m[1] + q), m2 = _mm512_maskz_loadu_ps(lanes, m[2] + q);
    const __m512 m3 = _mm512_maskz_loadu_ps(lanes, m[3] + q), m4 = _mm512_maskz_loadu_ps(lanes, m[4] + q);
    const __m512 a = _mm512_add_ps(m1, m2), b = _mm512_sub_ps(m1, m2);
    const __m512 c = _mm512_add_ps(m3, m4), d = _mm512_sub_ps(m3, m4);
    const __m512 y0 = _mm512_add_ps(_mm512_add_ps(_mm512_maskz_loadu_ps(lanes, m[0] + q), a), c);
    const __m512 y1 = _mm512_fmadd_ps(two, d, b);
    const __m512 y2 = _mm512_fmadd_ps(four, c, a);
    const __m512 y3 = _mm512_add_ps(_mm512_fmadd_ps(eight, d, b), _mm512_maskz_loadu_ps(lanes, m[5] + q));
    const __m512d t01l = _mm512_castps_pd(_mm512_permutex2var_ps(y0, low, y1));
    const __m512d t01h = _mm512_castps_pd(_mm512_permutex2var_ps(y0, high, y1));
    const __m512d t23l = _mm512_castps_pd(_mm512_permutex2var_ps(y2, low, y3));
    const __m512d t23h = _mm512_castps_pd(_mm512_permutex2var_ps(y2, high, y3));
    const __m512 out[4] = {
        _mm512_castpd_ps(_mm512_permutex2var_pd(t01l, pairLow, t23l)), _mm512_castpd_ps(_mm512_permutex2var_pd(t01l, pairHigh, t23l)),
        _mm512_castpd_ps(_mm512_permutex2var_pd(t01h, pairLow, t23h)), _mm512_castpd_ps(_mm512_permutex2var_pd(t01h, pairHigh, t23h)),
    };
    for (int v = 0; v < 4; v++) {
        const long left = outputs - 16 * v;
        if (left <= 0) break;
        _mm512_mask_storeu_ps(o + 16 * v, left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1), out[v]);
    }
}

// Whole quads q0 ... q0 + quads - 1 to o; a last partial block's stores are masked.
__attribute__((target("avx512f")))
static void output_quads_avx512(const float *const *m, long q0, long quads, float *o) {
    long i = 0;
    for (; i + 16 <= quads; i += 16) output_block(m, q0 + i, 0xFFFF, 4 * 16, o + 4 * i);
    if (i < quads) output_block(m, q0 + i, (__mmask16)((1u << (quads - i)) - 1), 4 * (quads - i), o + 4 * i);
}

// Eight whole quads from q: their 32 outputs, in order, to o. The arithmetic of the scalar
// whole-quad loop of wg_winograd_output_row (products by 2, 4 and 8 are exact, so multiply then add).
__attribute__((target("avx2,fma")))
static inline void output_block_avx2(const float *const *m, long q, float *o) {
    const __m256 two = _mm256_set1_ps(2), four = _mm256_set1_ps(4), eight = _mm256_set1_ps(8);
    const __m256 m1 = _mm256_loadu_ps(m[1] + q), m2 = _mm256_loadu_ps(m[2] + q);
    const __m256 m3 = _mm256_loadu_ps(m[3] + q), m4 = _mm256_loadu_ps(m[4] + q);
    const __m256 a = _mm256_add_ps(m1, m2), b = _mm256_sub_ps(m1, m2);
    const __m256 c = _mm256_add_ps(m3, m4), d = _mm256_sub_ps(m3, m4);
    const __m256 y0 = _mm256_add_ps(_mm256_add_ps(_mm256_loadu_ps(m[0] + q), a), c);
    const __m256 y1 = _mm256_add_ps(b, _mm256_mul_ps(two, d));
    const __m256 y2 = _mm256_add_ps(a, _mm256_mul_ps(four, c));
    const __m256 y3 = _mm256_add_ps(_mm256_add_ps(b, _mm256_mul_ps(eight, d)), _mm256_loadu_ps(m[5] + q));
    // 4 x 8 transpose: quads l and l + 4 come out in the two halves of t_l.
    const __m256 lo01 = _mm256_unpacklo_ps(y0, y1), hi01 = _mm256_unpackhi_ps(y0, y1);
    const __m256 lo23 = _mm256_unpacklo_ps(y2, y3), hi23 = _mm256_unpackhi_ps(y2, y3);
    const __m256 t0 = _mm256_shuffle_ps(lo01, lo23, 0x44), t1 = _mm256_shuffle_ps(lo01, lo23, 0xEE);
    const __m256 t2 = _mm256_shuffle_ps(hi01, hi23, 0x44), t3 = _mm256_shuffle_ps(hi01, hi23, 0xEE);
    _mm256_storeu_ps(o, _mm256_permute2f128_ps(t0, t1, 0x20));
    _mm256_storeu_ps(o + 8, _mm256_permute2f128_ps(t2, t3, 0x20));
    _mm256_storeu_ps(o + 16, _mm256_permute2f128_ps(t0, t1, 0x31));
    _mm256_storeu_ps(o + 24, _mm256_permute2f128_ps(t2, t3, 0x31));
}

void wg_winograd_output_row(const float *const *m, long j0, long count, float *out, long outStride) {
    if (outStride != 1) {
        // Transform contiguous chunks, then scatter them with the stride.
        float chunk[256];
        for (long x0 = 0; x0 < count; x0 += 256) {
            const long n = count - x0 < 256 ? count - x0 : 256;
            wg_winograd_output_row(m, j0 + x0, n, chunk, 1);
            for (long x = 0; x < n; x++) out[(x0 + x) * outStride] = chunk[x];
        }
        return;
    }
    long x = 0;
    for (; x < count && ((j0 + x) & 3); x++) out[x] = output_scalar(m, j0 + x);
    const long quads = (count - x) / 4;
    const long q0 = (j0 + x) >> 2;
    long i = 0;
    if (wg_conv_uses_avx512()) {
        output_quads_avx512(m, q0, quads, out + x);
        i = quads;
    } else {
        for (; i + 8 <= quads; i += 8) output_block_avx2(m, q0 + i, out + x + 4 * i);
    }
    for (; i < quads; i++) {
        // Whole quads: the four outputs share their sums.
        const long q = q0 + i;
        const float a = m[1][q] + m[2][q], b = m[1][q] - m[2][q], c = m[3][q] + m[4][q], d = m[3][q] - m[4][q];
        float *o = out + x + 4 * i;
        o[0] = m[0][q] + a + c;
        o[1] = b + 2 * d;
        o[2] = a + 4 * c;
        o[3] = b + 8 * d + m[5][q];
    }
    for (x += 4 * quads; x < count; x++) out[x] = output_scalar(m, j0 + x);
}
