// FP32 -> BF16 conversions feeding the BF16 kernels (see include/CKernels.h). Round to nearest
// even by vcvtneps2bf16, the same instruction for whole vectors and (masked) tails, so a value
// converts the same wherever it sits.
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
static inline __m256i to_bf16(const float *x, long remaining) {
    const __mmask16 mask = remaining >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << remaining) - 1);
    return (__m256i)_mm512_cvtneps_pbh(_mm512_maskz_loadu_ps(mask, x));
}

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
void wg_bf16_convert(const float *x, long count, uint16_t *out) {
    for (long i = 0; i < count; i += 16) {
        const long n = count - i < 16 ? count - i : 16;
        _mm256_mask_storeu_epi16(out + i, (__mmask16)(n >= 16 ? 0xFFFF : (1u << n) - 1), to_bf16(x + i, n));
    }
}

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
void wg_bf16_pack_pairs(const float *first, const float *second, long count, uint32_t *out) {
    for (long i = 0; i < count; i += 16) {
        const long n = count - i < 16 ? count - i : 16;
        const __m512i low = _mm512_cvtepu16_epi32(to_bf16(first + i, n));
        const __m512i high = second ? _mm512_slli_epi32(_mm512_cvtepu16_epi32(to_bf16(second + i, n)), 16) : _mm512_setzero_si512();
        _mm512_mask_storeu_epi32(out + i, (__mmask16)(n >= 16 ? 0xFFFF : (1u << n) - 1), _mm512_or_si512(low, high));
    }
}
