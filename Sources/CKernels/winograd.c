// Input and output transforms of the Winograd F(2,3) convolution path (see
// Sources/Tensor/Kernels/ConvKernel+Winograd.swift). For output pairs (y0, y1) of a 3-tap
// correlation over d0..d3:
//   u0 = d0 - d2, u1 = d1 + d2, u2 = d2 - d1, u3 = d1 - d3        (input, per pair start parity)
//   y0 = M0 + M1 + M2, y1 = M1 - M2 - M3                           (output)
// AVX-512 versions de-interleave / interleave with two-source permutes; scalar loops otherwise.
#include "CKernels.h"
#include <immintrin.h>

static void transform_scalar(const float *xc, long ldx, long b, long from, long to,
                             float *u0, float *u1, float *u2, float *u3) {
    for (long i = from; i < to; i++) {
        const long j = 2 * i + b;
        const float d0 = j < ldx ? xc[j] : 0, d1 = j + 1 < ldx ? xc[j + 1] : 0;
        const float d2 = j + 2 < ldx ? xc[j + 2] : 0, d3 = j + 3 < ldx ? xc[j + 3] : 0;
        u0[i] = d0 - d2;
        u1[i] = d1 + d2;
        u2[i] = d2 - d1;
        u3[i] = d1 - d3;
    }
}

__attribute__((target("avx512f")))
static long transform_avx512(const float *xc, long ldx, long b, long ldu,
                             float *u0, float *u1, float *u2, float *u3) {
    const __m512i evenIndex = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i oddIndex = _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1);
    long i = 0;
    // Reads x[2i + b .. 2i + b + 33]; stop while that stays inside the channel.
    for (; i + 16 <= ldu && 2 * i + b + 34 <= ldx; i += 16) {
        const float *d = xc + 2 * i + b;
        const __m512 a0 = _mm512_loadu_ps(d), a1 = _mm512_loadu_ps(d + 16);
        const __m512 c0 = _mm512_loadu_ps(d + 2), c1 = _mm512_loadu_ps(d + 18);
        const __m512 e = _mm512_permutex2var_ps(a0, evenIndex, a1), o = _mm512_permutex2var_ps(a0, oddIndex, a1);
        const __m512 e1 = _mm512_permutex2var_ps(c0, evenIndex, c1), o1 = _mm512_permutex2var_ps(c0, oddIndex, c1);
        _mm512_storeu_ps(u0 + i, _mm512_sub_ps(e, e1));
        _mm512_storeu_ps(u1 + i, _mm512_add_ps(o, e1));
        _mm512_storeu_ps(u2 + i, _mm512_sub_ps(e1, o));
        _mm512_storeu_ps(u3 + i, _mm512_sub_ps(o, o1));
    }
    return i;
}

void wg_winograd_transform_input(const float *x, long ldx, long channels, float *u, long ldu, int parities) {
    const int wide = wg_conv_uses_avx512();
    for (long c = 0; c < channels; c++) {
        const float *xc = x + c * ldx;
        for (long b = 0; b < 2; b++) {
            if (!(parities & (1 << b))) continue;
            float *u0 = u + (c * 8 + b * 4) * ldu, *u1 = u0 + ldu, *u2 = u1 + ldu, *u3 = u2 + ldu;
            const long done = wide ? transform_avx512(xc, ldx, b, ldu, u0, u1, u2, u3) : 0;
            transform_scalar(xc, ldx, b, done, ldu, u0, u1, u2, u3);
        }
    }
}

__attribute__((target("avx512f")))
static long output_pairs_avx512(const float *a, const float *b, const float *c, const float *d, long pairs, float *o) {
    const __m512i lowIndex = _mm512_set_epi32(23, 7, 22, 6, 21, 5, 20, 4, 19, 3, 18, 2, 17, 1, 16, 0);
    const __m512i highIndex = _mm512_set_epi32(31, 15, 30, 14, 29, 13, 28, 12, 27, 11, 26, 10, 25, 9, 24, 8);
    long i = 0;
    for (; i + 16 <= pairs; i += 16) {
        const __m512 m0 = _mm512_loadu_ps(a + i), m1 = _mm512_loadu_ps(b + i);
        const __m512 m2 = _mm512_loadu_ps(c + i), m3 = _mm512_loadu_ps(d + i);
        const __m512 even = _mm512_add_ps(_mm512_add_ps(m0, m1), m2);
        const __m512 odd = _mm512_sub_ps(_mm512_sub_ps(m1, m2), m3);
        _mm512_storeu_ps(o + 2 * i, _mm512_permutex2var_ps(even, lowIndex, odd));
        _mm512_storeu_ps(o + 2 * i + 16, _mm512_permutex2var_ps(even, highIndex, odd));
    }
    return i;
}

void wg_winograd_output_row(const float *m0, const float *m1, const float *m2, const float *m3,
                            long j0, long count, float *out, long outStride) {
    if (outStride != 1) {
        // Transform contiguous chunks, then scatter them with the stride.
        float chunk[256];
        for (long x0 = 0; x0 < count; x0 += 256) {
            const long n = count - x0 < 256 ? count - x0 : 256;
            wg_winograd_output_row(m0, m1, m2, m3, j0 + x0, n, chunk, 1);
            for (long x = 0; x < n; x++) out[(x0 + x) * outStride] = chunk[x];
        }
        return;
    }
    long x = 0;
    if (count > 0 && (j0 & 1)) {
        const long p = j0 >> 1;
        out[0] = m1[p] - m2[p] - m3[p];
        x = 1;
    }
    const long p0 = (j0 + x) >> 1;
    const long pairs = (count - x) / 2;
    float *o = out + x;
    const float *a = m0 + p0, *b = m1 + p0, *c = m2 + p0, *d = m3 + p0;
    long i = wg_conv_uses_avx512() ? output_pairs_avx512(a, b, c, d, pairs, o) : 0;
    for (; i < pairs; i++) {
        o[2 * i] = a[i] + b[i] + c[i];
        o[2 * i + 1] = b[i] - c[i] - d[i];
    }
    if ((count - x) & 1) {
        const long p = p0 + pairs;
        out[count - 1] = m0[p] + m1[p] + m2[p];
    }
}
