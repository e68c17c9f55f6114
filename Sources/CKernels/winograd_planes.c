// Kernels of the two-axis Winograd F(4,3)×F(4,3) path (see Sources/Tensor/Kernels/ConvKernel+WinogradPlanes.swift):
// the row combination that applies a transform matrix across rows (the second axis of every
// 2-D transform), and the weight-gradient block for three taps.
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

// The nonzero coefficients of one matrix row: their indices, in order.
static inline long nonzero_taps(const float *row, long taps, long *index) {
    long n = 0;
    for (long j = 0; j < taps; j++) {
        if (row[j] != 0) index[n++] = j;
    }
    return n;
}

// One output row: the first nonzero product, then fused multiply-adds in tap order, 16 lanes at
// a time, the last vector masked.
__attribute__((target("avx512f")))
static void combine_avx512(const float *const *rows, const float *coefficients, long n, float *out, long count) {
    for (long i = 0; i < count; i += 16) {
        const __mmask16 lanes = count - i >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (count - i)) - 1);
        __m512 sum = _mm512_mul_ps(_mm512_set1_ps(coefficients[0]), _mm512_maskz_loadu_ps(lanes, rows[0] + i));
        for (long m = 1; m < n; m++) {
            sum = _mm512_fmadd_ps(_mm512_set1_ps(coefficients[m]), _mm512_maskz_loadu_ps(lanes, rows[m] + i), sum);
        }
        _mm512_mask_storeu_ps(out + i, lanes, sum);
    }
}

// The same arithmetic 8 lanes at a time (AVX2 masked loads and stores for the last vector).
__attribute__((target("avx2,fma")))
static void combine_avx2(const float *const *rows, const float *coefficients, long n, float *out, long count) {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (long i = 0; i < count; i += 8) {
        const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count - i < 8 ? count - i : 8)), lane);
        __m256 sum = _mm256_mul_ps(_mm256_set1_ps(coefficients[0]), _mm256_maskload_ps(rows[0] + i, mask));
        for (long m = 1; m < n; m++) {
            sum = _mm256_fmadd_ps(_mm256_set1_ps(coefficients[m]), _mm256_maskload_ps(rows[m] + i, mask), sum);
        }
        _mm256_maskstore_ps(out + i, mask, sum);
    }
}

void wg_winograd_combine(const float *in, const long *inOffsets, long taps, const float *matrix, long outputs,
                         float *out, long outStride, long count) {
    const int avx512 = wg_conv_uses_avx512();
    long index[WG_WINOGRAD_POINTS];
    const float *rows[WG_WINOGRAD_POINTS];
    float coefficients[WG_WINOGRAD_POINTS];
    for (long k = 0; k < outputs; k++) {
        const float *row = matrix + k * taps;
        float *o = out + k * outStride;
        const long n = nonzero_taps(row, taps, index);
        if (n == 0) {
            for (long i = 0; i < count; i++) o[i] = 0;
            continue;
        }
        for (long m = 0; m < n; m++) {
            rows[m] = in + inOffsets[index[m]];
            coefficients[m] = row[index[m]];
        }
        if (avx512) {
            combine_avx512(rows, coefficients, n, o, count);
        } else {
            combine_avx2(rows, coefficients, n, o, count);
        }
    }
}

// The across-rows half of wg_winograd_plane for one tile row: for each along-row component kb,
// out[(ka * 6 + kb) * componentStride + tb] = sum_ia matrix[ka][ia] * v[kb * ldv + ia * rowQuads + tb]
// (tb < tiles): the first product, then fused multiply-adds in tap order (zero coefficients too,
// which leave a sum unchanged), 16 (AVX-512) or 8 (AVX2) tiles per vector, the last one masked.
#define PLANE_ROWS_BODY(VECTOR, LANES, MASK_SETUP, LOAD, STORE, MUL, FMADD, SET1)                       \
    for (long tb = 0; tb < tiles; tb += LANES) {                                                       \
        MASK_SETUP                                                                                     \
        for (long kb = 0; kb < WG_WINOGRAD_POINTS; kb++) {                                             \
            VECTOR d[TAPS];                                                                            \
            _Pragma("clang loop unroll(full)")                                                         \
            for (int ia = 0; ia < TAPS; ia++) d[ia] = LOAD(v + kb * ldv + ia * rowQuads + tb);          \
            _Pragma("clang loop unroll(full)")                                                         \
            for (int ka = 0; ka < WG_WINOGRAD_POINTS; ka++) {                                          \
                VECTOR sum = MUL(SET1(matrix[ka * TAPS]), d[0]);                                       \
                _Pragma("clang loop unroll(full)")                                                     \
                for (int ia = 1; ia < TAPS; ia++) sum = FMADD(SET1(matrix[ka * TAPS + ia]), d[ia], sum); \
                STORE((ka * WG_WINOGRAD_POINTS + kb) * componentStride + tb, sum);                     \
            }                                                                                          \
        }                                                                                              \
    }

#define MASK512 const __mmask16 lanes = tiles - tb >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (tiles - tb)) - 1);
#define LOAD512(p) _mm512_maskz_loadu_ps(lanes, (p))
#define STORE512(i, x) _mm512_mask_storeu_ps(out + (i), lanes, (x))
#define MASK256 const __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(tiles - tb < 8 ? tiles - tb : 8)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
#define LOAD256(p) _mm256_maskload_ps((p), mask)
#define STORE256(i, x) _mm256_maskstore_ps(out + (i), mask, (x))

#define PLANE_ROWS(NAME, TAPS_VALUE)                                                                    \
__attribute__((target("avx512f")))                                                                     \
static void NAME##_avx512(const float *v, long ldv, long rowQuads, long tiles, const float *matrix,    \
                          float *out, long componentStride) {                                          \
    enum { TAPS = TAPS_VALUE };                                                                        \
    PLANE_ROWS_BODY(__m512, 16, MASK512, LOAD512, STORE512, _mm512_mul_ps, _mm512_fmadd_ps, _mm512_set1_ps) \
}                                                                                                      \
__attribute__((target("avx2,fma")))                                                                    \
static void NAME##_avx2(const float *v, long ldv, long rowQuads, long tiles, const float *matrix,      \
                        float *out, long componentStride) {                                            \
    enum { TAPS = TAPS_VALUE };                                                                        \
    PLANE_ROWS_BODY(__m256, 8, MASK256, LOAD256, STORE256, _mm256_mul_ps, _mm256_fmadd_ps, _mm256_set1_ps) \
}

PLANE_ROWS(plane_rows6, 6)
PLANE_ROWS(plane_rows4, 4)

// BF16 (round to nearest even) lanes to out[i * stride]: stride 1 (plain rows) or 2 (one half of
// each 32-bit channel-pair word, the lanes widened to words and every other 16-bit element written).
__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
static inline void store_bf16(uint16_t *out, __m512 x, __mmask16 lanes, long stride) {
    const __m256i b = (__m256i)_mm512_cvtneps_pbh(x);
    if (stride == 1) {
        _mm256_mask_storeu_epi16(out, lanes, b);
    } else {
        uint32_t halves = 0;
        for (int l = 0; l < 16; l++) halves |= ((lanes >> l) & 1u) << (2 * l);
        _mm512_mask_storeu_epi16(out, (__mmask32)halves, _mm512_cvtepu16_epi32(b));
    }
}

#define STORE512_BF16(i, x) store_bf16(out + (i) * stride, (x), lanes, stride)

#define PLANE_ROWS_BF16(NAME, TAPS_VALUE)                                                               \
__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))                                        \
static void NAME(const float *v, long ldv, long rowQuads, long tiles, const float *matrix,             \
                 uint16_t *out, long componentStride, long stride) {                                   \
    enum { TAPS = TAPS_VALUE };                                                                        \
    PLANE_ROWS_BODY(__m512, 16, MASK512, LOAD512, STORE512_BF16, _mm512_mul_ps, _mm512_fmadd_ps, _mm512_set1_ps) \
}

PLANE_ROWS_BF16(plane_rows6_bf16, 6)
PLANE_ROWS_BF16(plane_rows4_bf16, 4)

// Along rows for every row of the plane at once (each row's last quad is junk: it reads the next
// row); returns the scratch's row stride.
static long plane_along_rows(const float *plane, long tilesOuter, long tilesInner, long taps, const float *matrix,
                             float *scratch) {
    const long rowQuads = tilesInner + 1, rows = 4 * tilesOuter + 2;
    wg_winograd_quads(plane, rows * 4 * rowQuads, 0, matrix, taps, scratch, rows * rowQuads, rows * rowQuads);
    return rows * rowQuads;
}

void wg_winograd_plane(const float *plane, long tilesOuter, long tilesInner, long taps, const float *matrix,
                       float *scratch, float *out, long componentStride) {
    const long ldv = plane_along_rows(plane, tilesOuter, tilesInner, taps, matrix, scratch), rowQuads = tilesInner + 1;
    const int avx512 = wg_conv_uses_avx512();
    for (long ta = 0; ta < tilesOuter; ta++) {
        const float *v = scratch + 4 * ta * rowQuads;
        float *o = out + ta * tilesInner;
        if (taps == 6) {
            (avx512 ? plane_rows6_avx512 : plane_rows6_avx2)(v, ldv, rowQuads, tilesInner, matrix, o, componentStride);
        } else {
            (avx512 ? plane_rows4_avx512 : plane_rows4_avx2)(v, ldv, rowQuads, tilesInner, matrix, o, componentStride);
        }
    }
}

void wg_winograd_plane_bf16(const float *plane, long tilesOuter, long tilesInner, long taps, const float *matrix,
                            float *scratch, uint16_t *out, long componentStride, long stride) {
    const long ldv = plane_along_rows(plane, tilesOuter, tilesInner, taps, matrix, scratch), rowQuads = tilesInner + 1;
    for (long ta = 0; ta < tilesOuter; ta++) {
        const float *v = scratch + 4 * ta * rowQuads;
        uint16_t *o = out + ta * tilesInner * stride;
        (taps == 6 ? plane_rows6_bf16 : plane_rows4_bf16)(v, ldv, rowQuads, tilesInner, matrix, o, componentStride, stride);
    }
}

__attribute__((target("avx2,fma")))
void wg_fill_plane(const float *restrict source, long rows, long columns, long rowStride, long columnStride, long offset,
                   float *restrict plane, long rowLength, long planeRows) {
    for (long r = 0; r < planeRows; r++) {
        float *row = plane + r * rowLength;
        const long data = r - offset;
        if (data < 0 || data >= rows) {
            for (long b = 0; b < rowLength; b++) row[b] = 0;
            continue;
        }
        const float *from = source + data * rowStride;
        for (long b = 0; b < offset; b++) row[b] = 0;
        if (columnStride == 1) {
            for (long b = 0; b < columns; b++) row[offset + b] = from[b];
        } else {
            for (long b = 0; b < columns; b++) row[offset + b] = from[b * columnStride];
        }
        for (long b = offset + columns; b < rowLength; b++) row[b] = 0;
    }
}

// Weight gradient for three taps: a block of 8 output channels (AVX-512) or 4 (AVX2) × 3 taps
// of vector accumulators. Per column vector the three shifted input vectors and each gradient row
// are loaded once. Columns go in chunks of CHUNK so each dw entry is one lane sum per chunk, added
// in chunk order, whatever the channel split.
#define CHUNK 2048
#define TAPS 3

// The block for one instruction set: VECTOR of LANES floats, ROWS output channels.
#define FEW_TAPS_BODY(WORD, VECTOR, LANES, ROWS, ZERO, LOAD, FMADD, SUM)                                  \
    for (long j0 = 0; j0 < columns; j0 += CHUNK) {                                                     \
        const long j1 = j0 + CHUNK < columns ? j0 + CHUNK : columns;                                   \
        for (long c = cBegin; c < cEnd; c++) {                                                         \
            const WORD *x0 = x + c * ldx + shifts[0], *x1 = x + c * ldx + shifts[1], *x2 = x + c * ldx + shifts[2]; \
            for (long o = 0; o < outChannels; o += ROWS) {                                             \
                VECTOR acc[ROWS][TAPS];                                                                \
                _Pragma("clang loop unroll(full)")                                                     \
                for (int r = 0; r < ROWS; r++)                                                         \
                    _Pragma("clang loop unroll(full)")                                                 \
                    for (int t = 0; t < TAPS; t++) acc[r][t] = ZERO();                                 \
                const WORD *gr = g + o * ldg;                                                          \
                for (long j = j0; j < j1; j += LANES) {                                                \
                    const VECTOR v0 = LOAD(x0 + j), v1 = LOAD(x1 + j), v2 = LOAD(x2 + j);              \
                    _Pragma("clang loop unroll(full)")                                                 \
                    for (int r = 0; r < ROWS; r++) {                                                   \
                        const VECTOR gv = LOAD(gr + r * ldg + j);                                      \
                        acc[r][0] = FMADD(gv, v0, acc[r][0]);                                          \
                        acc[r][1] = FMADD(gv, v1, acc[r][1]);                                          \
                        acc[r][2] = FMADD(gv, v2, acc[r][2]);                                          \
                    }                                                                                  \
                }                                                                                      \
                for (long r = 0; r < ROWS && o + r < outChannels; r++) {                               \
                    float *out = dw + ((o + r) * inChannels + c) * TAPS;                               \
                    for (int t = 0; t < TAPS; t++) out[t] += SUM(acc[r][t]);                           \
                }                                                                                      \
            }                                                                                          \
        }                                                                                              \
    }

__attribute__((target("avx512f")))
static void few_taps_avx512(const float *g, long ldg, long outChannels, const float *x, long ldx, long inChannels,
                            const long *shifts, long columns, float *dw, long cBegin, long cEnd) {
    FEW_TAPS_BODY(float, __m512, 16, WG_WGRAD_FEW_TAPS_ROW_BLOCK, _mm512_setzero_ps, _mm512_loadu_ps, _mm512_fmadd_ps,
                  _mm512_reduce_add_ps)
}

__attribute__((target("avx2,fma")))
static inline float hsum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

// Four rows: 12 accumulators, 3 inputs and a row fill the 16 registers.
__attribute__((target("avx2,fma")))
static void few_taps_avx2(const float *g, long ldg, long outChannels, const float *x, long ldx, long inChannels,
                          const long *shifts, long columns, float *dw, long cBegin, long cEnd) {
    FEW_TAPS_BODY(float, __m256, 8, 4, _mm256_setzero_ps, _mm256_loadu_ps, _mm256_fmadd_ps, hsum8)
}

#define BF16_LOAD(p) _mm512_castsi512_ps(_mm512_loadu_si512((const void *)(p)))
#define BF16_MADD(a, b, acc) _mm512_dpbf16_ps((acc), (__m512bh)_mm512_castps_si512(a), (__m512bh)_mm512_castps_si512(b))

// BF16 rows, 32 columns per vector as 16 adjacent pairs (vdpbf16ps), FP32 accumulators.
__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
void wg_conv_weight_gradient_few_taps_bf16(const uint16_t *g, long ldg, long outChannels, const uint16_t *x, long ldx,
                                           long inChannels, const long *shifts, long columns,
                                           float *dw, long cBegin, long cEnd) {
    FEW_TAPS_BODY(uint16_t, __m512, 32, WG_WGRAD_FEW_TAPS_ROW_BLOCK, _mm512_setzero_ps, BF16_LOAD, BF16_MADD, _mm512_reduce_add_ps)
}

void wg_conv_weight_gradient_few_taps(const float *g, long ldg, long outChannels, const float *x, long ldx,
                                      long inChannels, const long *shifts, long columns,
                                      float *dw, long cBegin, long cEnd) {
    if (wg_conv_uses_avx512()) {
        few_taps_avx512(g, ldg, outChannels, x, ldx, inChannels, shifts, columns, dw, cBegin, cEnd);
    } else {
        few_taps_avx2(g, ldg, outChannels, x, ldx, inChannels, shifts, columns, dw, cBegin, cEnd);
    }
}
