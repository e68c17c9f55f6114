// FP32 -> BF16 channel-pair words for the BF16 kernels' weights (see include/CKernels.h). Round
// to nearest even by vcvtneps2bf16, as the BF16 Winograd transforms, for whole vectors and
// (masked) tails alike.
#include "CKernels.h"
#include <immintrin.h>
#include <stdint.h>

__attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))
static inline __m256i to_bf16(const float *x, long remaining) {
    const __mmask16 mask = remaining >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << remaining) - 1);
    return (__m256i)_mm512_cvtneps_pbh(_mm512_maskz_loadu_ps(mask, x));
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
