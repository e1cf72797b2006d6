"""From a trained model to translations.

``translator`` (the API class :class:`~nmt.decoding.translator.Translator`) drives
``search`` (greedy and beam search), ``sampling``, ``ensemble`` (several models as
one), ``beam_pool`` (continuous batching for the server) and ``onnx_engine`` (the
same search over graphs that onnxruntime runs); ``lines`` keeps the line-in/line-out
contract of ``nmt translate``; ``plot`` draws attention.
"""
