// Generates fnv-colliding-blocks.txt: pairs of 6-character blocks, each pair leading from the
// FNV-1a state after "P-" and the blocks before it to states that agree in their low 46 bits
// (found by sorting 2^24 random blocks). Every id "P-" + one block of each pair then has the same
// slot in StringTable's former unseeded hash (FNV-1a, then (h ^ h >> 29) * C: the slot of a table
// of 2^k slots depends on bits 0..k-1 and 29..29+k-1) for every table of up to 2^17 slots.
// Build and run: cc -O2 -o find fnv-colliding-blocks.c && ./find 16 > fnv-colliding-blocks.txt
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#define P 0x100000001B3ULL
#define MASK ((1ULL<<46)-1)
static const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
typedef struct { uint64_t key; uint32_t idx; } E;
static int cmp(const void *a, const void *b) { uint64_t x=((E*)a)->key, y=((E*)b)->key; return x<y?-1:x>y; }
static void block(uint32_t i, char *out) { for (int k=0;k<6;k++){ out[k]=alpha[i%62]; i/=62; } }
static uint64_t step(uint64_t h, const char *b) { for (int k=0;k<6;k++) h=(h^(uint8_t)b[k])*P; return h; }
int main(int argc, char **argv) {
  int pairs = atoi(argv[1]); uint32_t n = 1u<<24;
  E *e = malloc(sizeof(E)*n);
  uint64_t h = 0xCBF29CE484222325ULL;
  // the prefix "P-" as in a USUBJID
  h=(h^'P')*P; h=(h^'-')*P;
  uint32_t salt = 0;
  for (int p=0;p<pairs;p++) {
    for(;;) {
      for (uint32_t i=0;i<n;i++){ char b[6]; block(i*2654435761u+salt, b); e[i].key=step(h,b)&MASK; e[i].idx=i*2654435761u+salt; }
      qsort(e,n,sizeof(E),cmp);
      int found=0;
      for (uint32_t i=1;i<n;i++) if (e[i].key==e[i-1].key && e[i].idx!=e[i-1].idx) {
        char a[7]={0},b[7]={0}; block(e[i-1].idx,a); block(e[i].idx,b);
        if (strcmp(a,b)==0) continue;
        printf("%s %s\n",a,b); fflush(stdout); h=step(h,a); found=1; break; }
      salt+=7919;
      if (found) break;
    }
  }
  return 0;
}
