"""The GRU/LSTM/RNN encoder-decoder with additive attention.

Imports neither data nor tokenizer: it takes plain ints (vocabulary sizes,
pad and unk ids) and tensors.
"""

from nmt.model.seq2seq import DecoderState, EncoderOutput, OutputVocab, Seq2Seq, build_model

__all__ = ["DecoderState", "EncoderOutput", "OutputVocab", "Seq2Seq", "build_model"]
