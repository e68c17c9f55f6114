// Transforms of the Winograd F(4,3) convolution path (see Sources/Tensor/Kernels/ConvKernel+Winograd.swift).
// Output quads (y0..y3) of a 3-tap correlation over d0..d5 (interpolation points 0, ±1, ±2, ∞):
//   u = Bᵀ d (input, per quad start parity), M_k = G_k · u_k, y = Aᵀ M (output).
// The input and output-gradient transforms are one routine, wg_winograd_quads, driven by a
// coefficient matrix; AVX-512 versions de-interleave / interleave quads with two-source permutes.
#include "CKernels.h"
#include <immintrin.h>

// The same arithmetic as one lane of quads_avx512 (a product, then fused multiply-adds), so a
// quad's transform does not depend on which of the two paths it falls in: the end of a row goes
// here, and windows of a volume must reproduce its voxels bit for bit (tiled sampling).
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

__attribute__((target("avx512f")))
static long quads_avx512(const float *x, long length, long offset, const float *matrix, long taps,
                         float *u, long ldu, long count) {
    __m512i index[4];
    for (int r = 0; r < 4; r++) {
        index[r] = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 28 + r, 24 + r, 20 + r, 16 + r, 12 + r, 8 + r, 4 + r, r);
    }
    long i = 0;
    // Reads x[4i + offset .. 4i + offset + 67]; stop while that stays inside the row.
    for (; i + 16 <= count && 4 * i + offset + 68 <= length; i += 16) {
        const float *p = x + 4 * i + offset;
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
            __m512 sum = _mm512_mul_ps(_mm512_set1_ps(matrix[k * taps]), d[0]);
            for (long j = 1; j < taps; j++) sum = _mm512_fmadd_ps(_mm512_set1_ps(matrix[k * taps + j]), d[j], sum);
            _mm512_storeu_ps(u + k * ldu + i, sum);
        }
    }
    return i;
}

void wg_winograd_quads(const float *x, long length, long offset, const float *matrix, long taps,
                       float *u, long ldu, long count) {
    const long done = wg_conv_uses_avx512() ? quads_avx512(x, length, offset, matrix, taps, u, ldu, count) : 0;
    quads_scalar(x, length, offset, matrix, taps, u, ldu, done, count);
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

__attribute__((target("avx512f")))
static long output_quads_avx512(const float *const *m, long q0, long quads, float *o) {
    const __m512i low = _mm512_set_epi32(23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    const __m512i high = _mm512_set_epi32(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8);
    const __m512i pairLow = _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0);
    const __m512i pairHigh = _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4);
    const __m512 two = _mm512_set1_ps(2), four = _mm512_set1_ps(4), eight = _mm512_set1_ps(8);
    long i = 0;
    for (; i + 16 <= quads; i += 16) {
        const long q = q0 + i;
        const __m512 m1 = _mm512_loadu_ps(m[1] + q), m2 = _mm512_loadu_ps(m[2] + q);
        const __m512 m3 = _mm512_loadu_ps(m[3] + q), m4 = _mm512_loadu_ps(m[4] + q);
        const __m512 a = _mm512_add_ps(m1, m2), b = _mm512_sub_ps(m1, m2);
        const __m512 c = _mm512_add_ps(m3, m4), d = _mm512_sub_ps(m3, m4);
        const __m512 y0 = _mm512_add_ps(_mm512_add_ps(_mm512_loadu_ps(m[0] + q), a), c);
        const __m512 y1 = _mm512_fmadd_ps(two, d, b);
        const __m512 y2 = _mm512_fmadd_ps(four, c, a);
        const __m512 y3 = _mm512_add_ps(_mm512_fmadd_ps(eight, d, b), _mm512_loadu_ps(m[5] + q));
        const __m512d t01l = _mm512_castps_pd(_mm512_permutex2var_ps(y0, low, y1));
        const __m512d t01h = _mm512_castps_pd(_mm512_permutex2var_ps(y0, high, y1));
        const __m512d t23l = _mm512_castps_pd(_mm512_permutex2var_ps(y2, low, y3));
        const __m512d t23h = _mm512_castps_pd(_mm512_permutex2var_ps(y2, high, y3));
        float *out = o + 4 * i;
        _mm512_storeu_ps(out, _mm512_castpd_ps(_mm512_permutex2var_pd(t01l, pairLow, t23l)));
        _mm512_storeu_ps(out + 16, _mm512_castpd_ps(_mm512_permutex2var_pd(t01l, pairHigh, t23l)));
        _mm512_storeu_ps(out + 32, _mm512_castpd_ps(_mm512_permutex2var_pd(t01h, pairLow, t23h)));
        _mm512_storeu_ps(out + 48, _mm512_castpd_ps(_mm512_permutex2var_pd(t01h, pairHigh, t23h)));
    }
    return i;
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
    long i = wg_conv_uses_avx512() ? output_quads_avx512(m, q0, quads, out + x) : 0;
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
