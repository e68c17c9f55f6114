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

// AVX2: 16 ymm registers hold 4 output channels x 24 columns (12 accumulators, 3 input loads and
// 4 weight broadcasts per 12 multiply-adds), so an 8-row packed block takes two passes
// (`half` 0 and 1, skipped when it is all padding) and a 48-column block two 24-column steps.
// Every output is summed as in the AVX-512 kernel: over (c, t) within a group, groups added in order.
//
// One (c, t) step in assembly: with all 16 registers live, clang's register allocator rotates
// the accumulators through moves and a spill every step (about 1.5x slower). ymm12-14 hold the
// input vectors, ymm15 one row's weight.
#define CONV_ROW_AVX2(r, byte)                                                                      \
    "vbroadcastss " #byte "(%[w]), %%ymm15\n\t"                                                    \
    "vfmadd231ps %%ymm12, %%ymm15, %[a" #r "0]\n\t"                                                \
    "vfmadd231ps %%ymm13, %%ymm15, %[a" #r "1]\n\t"                                                \
    "vfmadd231ps %%ymm14, %%ymm15, %[a" #r "2]\n\t"
#define CONV_ACC_AVX2(r) [a##r##0] "+x"(acc[r][0]), [a##r##1] "+x"(acc[r][1]), [a##r##2] "+x"(acc[r][2])
#define CONV_STEP_AVX2(xp, wp)                                                                      \
    __asm__("vmovups (%[x]), %%ymm12\n\t"                                                          \
            "vmovups 32(%[x]), %%ymm13\n\t"                                                        \
            "vmovups 64(%[x]), %%ymm14\n\t"                                                        \
            CONV_ROW_AVX2(0, 0) CONV_ROW_AVX2(1, 4) CONV_ROW_AVX2(2, 8) CONV_ROW_AVX2(3, 12)         \
            : CONV_ACC_AVX2(0), CONV_ACC_AVX2(1), CONV_ACC_AVX2(2), CONV_ACC_AVX2(3)                  \
            : [x] "r"(xp), [w] "r"(wp)                                                               \
            : "xmm12", "xmm13", "xmm14", "xmm15", "memory")

__attribute__((target("avx2,fma")))
static inline void conv_block_avx2(const float *x, long ldx, long g0, long g1, const long *shifts, long taps,
                                   const float *w, long rows, float *y, long ldy, long j) {
    enum { HALF = WG_CONV_ROW_BLOCK / 2, VECTORS_AVX2 = 3 };
    __m256 acc[HALF][VECTORS_AVX2];
#pragma clang loop unroll(full)
    for (int r = 0; r < HALF; r++)
#pragma clang loop unroll(full)
        for (int v = 0; v < VECTORS_AVX2; v++) acc[r][v] = _mm256_setzero_ps();
    for (long c = g0; c < g1; c++) {
        const float *xc = x + c * ldx + j;
        for (long t = 0; t < taps; t++, w += WG_CONV_ROW_BLOCK) CONV_STEP_AVX2(xc + shifts[t], w);
    }
    // Constant trip counts keep acc in registers (a variable index would spill it every step).
#pragma clang loop unroll(full)
    for (int r = 0; r < HALF; r++) {
        if (r >= rows) break;
        float *out = y + r * ldy + j;
#pragma clang loop unroll(full)
        for (int v = 0; v < VECTORS_AVX2; v++) {
            const __m256 value = g0 == 0 ? acc[r][v] : _mm256_add_ps(_mm256_loadu_ps(out + 8 * v), acc[r][v]);
            _mm256_storeu_ps(out + 8 * v, value);
        }
    }
}

__attribute__((target("avx2,fma")))
static void conv_wide_avx2(const float *x, long ldx, long inChannels, const long *shifts, long taps,
                           const float *packed, long outChannels, float *y, long ldy,
                           long columnBegin, long columnEnd) {
    const long blocks = (outChannels + WG_CONV_ROW_BLOCK - 1) / WG_CONV_ROW_BLOCK;
    for (long j = columnBegin; j < columnEnd; j += 24) {
      for (long g0 = 0; g0 < inChannels; g0 += CHANNEL_GROUP) {
        const long g1 = g0 + CHANNEL_GROUP < inChannels ? g0 + CHANNEL_GROUP : inChannels;
        for (long b = 0; b < blocks; b++) {
            const float *w = packed + (b * inChannels + g0) * taps * WG_CONV_ROW_BLOCK;
            for (long half = 0; half < 2; half++) {
                const long o = b * WG_CONV_ROW_BLOCK + half * (WG_CONV_ROW_BLOCK / 2);
                if (o >= outChannels) break;
                conv_block_avx2(x, ldx, g0, g1, shifts, taps, w + half * (WG_CONV_ROW_BLOCK / 2),
                                outChannels - o, y + o * ldy, ldy, j);
            }
        }
      }
    }
}

static int restrictToAVX2 = 0;
static int allowBF16 = 0;
static int winogradAxes = 0;

void wg_conv_set_winograd_axes(int axes) { winogradAxes = axes; }

int wg_conv_winograd_axes(void) { return winogradAxes; }

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
