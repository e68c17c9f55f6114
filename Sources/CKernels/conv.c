// The convolution micro-kernel. See include/CKernels.h for the contract.
//
// Register block: 8 output channels x 48 columns (24 accumulators), accumulated over (input channel, tap) pairs;
// the input is read in place at 27 shifted offsets, so nothing is packed or unrolled into im2col
// columns. Input channels go in groups of CHANNEL_GROUP so that the rows one column block reads
// (group x 9 kernel rows) stay in L1 across all output blocks; partial sums of later groups are
// added to the stored output.
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

#define CHANNEL_GROUP 32

#define VECTORS (WG_CONV_COLUMN_BLOCK / 16)

// The AVX-512 register block, written once for both element types. Per step it reads VECTORS
// input vectors at one tap and multiply-adds them with one broadcast weight word per output row:
// FP32 (one channel per step, vfmadd) or BF16 pairs (two channels per step, vdpbf16ps, FP32
// accumulators). `x` and `packed` hold LANES_PER_WORD-channel words; `inWords` counts them.
#define CONV_WIDE_AVX512_BODY(WORD, LOAD, MADD)                                                        \
    const long blocks = (outChannels + WG_CONV_ROW_BLOCK - 1) / WG_CONV_ROW_BLOCK;                     \
    for (long j = columnBegin; j < columnEnd; j += WG_CONV_COLUMN_BLOCK) {                             \
      for (long g0 = 0; g0 < inWords; g0 += CHANNEL_GROUP) {                                           \
        const long g1 = g0 + CHANNEL_GROUP < inWords ? g0 + CHANNEL_GROUP : inWords;                   \
        for (long b = 0; b < blocks; b++) {                                                            \
            __m512 acc[WG_CONV_ROW_BLOCK][VECTORS];                                                    \
            _Pragma("clang loop unroll(full)")                                                         \
            for (int r = 0; r < WG_CONV_ROW_BLOCK; r++)                                                \
                _Pragma("clang loop unroll(full)")                                                     \
                for (int v = 0; v < VECTORS; v++) acc[r][v] = _mm512_setzero_ps();                     \
            const WORD *w = packed + (b * inWords + g0) * taps * WG_CONV_ROW_BLOCK;                    \
            for (long c = g0; c < g1; c++) {                                                           \
                const WORD *xc = x + c * ldx + j;                                                      \
                for (long t = 0; t < taps; t++, w += WG_CONV_ROW_BLOCK) {                              \
                    __m512 in[VECTORS];                                                                \
                    _Pragma("clang loop unroll(full)")                                                 \
                    for (int v = 0; v < VECTORS; v++) in[v] = LOAD(xc + shifts[t] + 16 * v);           \
                    _Pragma("clang loop unroll(full)")                                                 \
                    for (int r = 0; r < WG_CONV_ROW_BLOCK; r++) {                                      \
                        _Pragma("clang loop unroll(full)")                                             \
                        for (int v = 0; v < VECTORS; v++) acc[r][v] = MADD(w + r, in[v], acc[r][v]);   \
                    }                                                                                  \
                }                                                                                      \
            }                                                                                          \
            for (long r = 0; r < WG_CONV_ROW_BLOCK; r++) {                                             \
                const long o = b * WG_CONV_ROW_BLOCK + r;                                              \
                if (o >= outChannels) break;                                                           \
                float *out = y + o * ldy + j;                                                          \
                for (int v = 0; v < VECTORS; v++) {                                                    \
                    const __m512 value = g0 == 0 ? acc[r][v] : _mm512_add_ps(_mm512_loadu_ps(out + 16 * v), acc[r][v]); \
                    _mm512_storeu_ps(out + 16 * v, value);                                             \
                }                                                                                      \
            }                                                                                          \
        }                                                                                              \
      }                                                                                                \
    }

#define FP32_MADD(w, in, acc) _mm512_fmadd_ps(_mm512_set1_ps(*(w)), (in), (acc))

__attribute__((target("avx512f")))
static void conv_wide_avx512(const float *x, long ldx, long inWords, const long *shifts, long taps,
                             const float *packed, long outChannels, float *y, long ldy,
                             long columnBegin, long columnEnd) {
    CONV_WIDE_AVX512_BODY(float, _mm512_loadu_ps, FP32_MADD)
}

#define BF16_LOAD(p) _mm512_castsi512_ps(_mm512_loadu_si512((const void *)(p)))
#define BF16_MADD(w, in, acc) \
    _mm512_dpbf16_ps((acc), (__m512bh)_mm512_castps_si512(in), (__m512bh)_mm512_set1_epi32((int)*(w)))

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
static void conv_wide_bf16(const uint32_t *x, long ldx, long inWords, const long *shifts, long taps,
                           const uint32_t *packed, long outChannels, float *y, long ldy,
                           long columnBegin, long columnEnd) {
    CONV_WIDE_AVX512_BODY(uint32_t, BF16_LOAD, BF16_MADD)
}

// AVX2: 8 output channels x 8 columns per block (16 ymm registers leave no room for more),
// four blocks per 32-column step.
__attribute__((target("avx2,fma")))
static void conv_wide_avx2(const float *x, long ldx, long inChannels, const long *shifts, long taps,
                           const float *packed, long outChannels, float *y, long ldy,
                           long columnBegin, long columnEnd) {
    const long blocks = (outChannels + WG_CONV_ROW_BLOCK - 1) / WG_CONV_ROW_BLOCK;
    for (long j = columnBegin; j < columnEnd; j += 8) {
      for (long g0 = 0; g0 < inChannels; g0 += CHANNEL_GROUP) {
        const long g1 = g0 + CHANNEL_GROUP < inChannels ? g0 + CHANNEL_GROUP : inChannels;
        for (long b = 0; b < blocks; b++) {
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
            __m256 a4 = _mm256_setzero_ps(), a5 = _mm256_setzero_ps(), a6 = _mm256_setzero_ps(), a7 = _mm256_setzero_ps();
            const float *w = packed + (b * inChannels + g0) * taps * WG_CONV_ROW_BLOCK;
            for (long c = g0; c < g1; c++) {
                const float *xc = x + c * ldx + j;
                for (long t = 0; t < taps; t++, w += WG_CONV_ROW_BLOCK) {
                    const __m256 v = _mm256_loadu_ps(xc + shifts[t]);
                    a0 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 0), v, a0);
                    a1 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 1), v, a1);
                    a2 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 2), v, a2);
                    a3 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 3), v, a3);
                    a4 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 4), v, a4);
                    a5 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 5), v, a5);
                    a6 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 6), v, a6);
                    a7 = _mm256_fmadd_ps(_mm256_broadcast_ss(w + 7), v, a7);
                }
            }
            const __m256 rows[8] = {a0, a1, a2, a3, a4, a5, a6, a7};
            for (long r = 0; r < WG_CONV_ROW_BLOCK; r++) {
                const long o = b * WG_CONV_ROW_BLOCK + r;
                if (o >= outChannels) break;
                float *out = y + o * ldy + j;
                _mm256_storeu_ps(out, g0 == 0 ? rows[r] : _mm256_add_ps(_mm256_loadu_ps(out), rows[r]));
            }
        }
      }
    }
}

static int restrictToAVX2 = 0;
static int allowBF16 = 0;

void wg_conv_restrict_to_avx2(int avx2Only) { restrictToAVX2 = avx2Only; }

void wg_conv_allow_bf16(int allow) { allowBF16 = allow; }

int wg_conv_bf16_allowed(void) { return allowBF16; }

int wg_conv_uses_avx512(void) {
    __builtin_cpu_init();
    return !restrictToAVX2 && __builtin_cpu_supports("avx512f") ? 1 : 0;
}

int wg_conv_uses_bf16(void) {
    return allowBF16 && wg_conv_uses_avx512() && __builtin_cpu_supports("avx512bf16") ? 1 : 0;
}

void wg_conv_wide_bf16(const uint32_t *x, long ldx, long inPairs, const long *shifts, long taps,
                       const uint32_t *packed, long outChannels, float *y, long ldy, long columnBegin, long columnEnd) {
    conv_wide_bf16(x, ldx, inPairs, shifts, taps, packed, outChannels, y, ldy, columnBegin, columnEnd);
}

void wg_conv_wide(const float *x, long ldx, long inChannels, const long *shifts, long taps,
                  const float *packed, long outChannels, float *y, long ldy, long columnBegin, long columnEnd) {
    if (wg_conv_uses_avx512()) {
        conv_wide_avx512(x, ldx, inChannels, shifts, taps, packed, outChannels, y, ldy, columnBegin, columnEnd);
    } else {
        conv_wide_avx2(x, ldx, inChannels, shifts, taps, packed, outChannels, y, ldy, columnBegin, columnEnd);
    }
}
