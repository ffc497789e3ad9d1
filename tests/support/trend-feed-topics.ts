/**
 * The research topics the trend feed is made of: title patterns, abstract sentences, Hugging Face
 * style AI keywords and the organisations that publish on them. `{x}` slots are filled from the
 * topic's own `fillers`, so titles vary the way real ones do while staying on topic. The growing
 * topic spells itself every way the merge must handle: "state space models", "State-Space Model",
 * "SSMs", with the acronym defined in some abstracts only.
 */

export interface FeedTopic {
  /** What a person would call it; the tests look for it among the trend topics. */
  name: string;
  titles: string[];
  /** Opening sentences: what the paper is about. */
  openings: string[];
  /** Sentences about the method. */
  methods: string[];
  keywords: string[];
  organizations: string[];
  fillers: string[];
}

export const GROWING_TOPIC: FeedTopic = {
  name: 'state space models',
  titles: [
    '{x}: Selective State Space Models for Long Sequences',
    'Scaling State-Space Models to Million-Token Contexts',
    'Hybrid Attention-SSM Layers for {x}',
    'Are State Space Models Ready for {x}?',
    'Linear-Time {x} with Structured State Space Models',
    'SSMs Meet Sparse Attention: A Study on {x}',
    'Parallel Scans Make State Space Models Fast on GPUs',
  ],
  openings: [
    'State space models (SSMs) have emerged as an efficient alternative to Transformers for long sequences.',
    'Structured state space models offer linear-time inference but lag behind attention on recall-heavy tasks.',
    'Recent state-space models such as Mamba process sequences with a selective scan.',
    'Selective SSMs compress the context into a fixed-size hidden state.',
  ],
  methods: [
    'We introduce a hardware-aware parallel scan that trains state space models at the speed of attention.',
    'Our hybrid model interleaves SSM blocks with a few attention layers.',
    'We analyse the hidden state of state-space models and show where recall fails.',
    'A simple gating change lets the SSM track long-range dependencies.',
  ],
  keywords: [
    'state space models',
    'SSMs',
    'Mamba',
    'selective scan',
    'linear-time inference',
    'State-Space Model',
  ],
  organizations: ['Cartesia AI', 'Together AI', 'Princeton University', 'Carnegie Mellon University'],
  fillers: ['Genomics', 'Long Documents', 'Time Series', 'Audio Modeling', 'Code Completion', 'Mamba-3'],
};

export const FLAT_TOPICS: FeedTopic[] = [
  {
    name: 'diffusion models',
    titles: [
      '{x}: Faster Sampling for Latent Diffusion Models',
      'Classifier-Free Guidance Revisited in Diffusion Models',
      'Training-Free Image Editing with Pretrained Diffusion Models',
      'Distilling Diffusion Models into One-Step Generators for {x}',
    ],
    openings: [
      'Diffusion models achieve remarkable image quality but sampling remains slow.',
      'Latent diffusion models are the backbone of modern text-to-image generation.',
    ],
    methods: [
      'We propose a distillation scheme that keeps classifier-free guidance at a single step.',
      'Our sampler reuses denoising trajectories across prompts.',
    ],
    keywords: [
      'diffusion models',
      'text-to-image generation',
      'classifier-free guidance',
      'latent diffusion',
    ],
    organizations: ['Stability AI', 'NVIDIA', 'Adobe Research'],
    fillers: ['Product Photos', 'Portraits', 'Illustrations', 'FlashGen'],
  },
  {
    name: 'retrieval-augmented generation',
    titles: [
      '{x}: Retrieval-Augmented Generation over Enterprise Documents',
      'When Does RAG Help? Measuring Retrieval Quality in {x}',
      'Graph-Based Retrieval-Augmented Generation for Multi-Hop Questions',
      'Self-Correcting Retrieval for {x}',
    ],
    openings: [
      'Retrieval-augmented generation (RAG) grounds language models in external documents.',
      'RAG systems fail when the retriever returns distracting passages.',
    ],
    methods: [
      'We train the retriever and the generator jointly with a passage-level reward.',
      'Our system rewrites the query before retrieval and verifies citations after generation.',
    ],
    keywords: ['retrieval-augmented generation', 'RAG', 'dense retrieval', 'multi-hop question answering'],
    organizations: ['Microsoft Research', 'Alibaba Qwen', 'Tsinghua University'],
    fillers: ['Legal Search', 'Medical QA', 'Customer Support', 'DocPilot'],
  },
  {
    name: 'reinforcement learning',
    titles: [
      '{x}: Reinforcement Learning with Verifiable Rewards for Math',
      'Process Reward Models for Step-Level Credit Assignment',
      'Scaling Reinforcement Learning for {x}',
      'On the Exploration Collapse of Policy Optimization in {x}',
    ],
    openings: [
      'Reinforcement learning with verifiable rewards has improved mathematical reasoning.',
      'Policy optimization methods such as GRPO train reasoning models from outcome rewards.',
    ],
    methods: [
      'We add an entropy bonus that keeps the policy exploring.',
      'Our reward model scores every reasoning step instead of the final answer.',
    ],
    keywords: ['reinforcement learning', 'GRPO', 'reward model', 'chain-of-thought reasoning'],
    organizations: ['DeepSeek', 'Alibaba Qwen', 'Shanghai AI Laboratory'],
    fillers: ['Olympiad Math', 'Theorem Proving', 'Agentic Search', 'ReasonZero'],
  },
  {
    name: 'vision-language models',
    titles: [
      '{x}: A Vision-Language Model for Document Understanding',
      'Reducing Hallucination in Vision-Language Models with Visual Contrast',
      'Token Pruning for Efficient Vision-Language Models',
      'Benchmarking VLMs on {x}',
    ],
    openings: [
      'Vision-language models (VLMs) answer questions about images but often hallucinate objects.',
      'Large vision-language models process hundreds of visual tokens per image.',
    ],
    methods: [
      'We prune redundant visual tokens after the first layers.',
      'Our decoding contrasts the image with a perturbed copy to suppress hallucinated objects.',
    ],
    keywords: ['vision-language models', 'VLMs', 'visual tokens', 'hallucination'],
    organizations: ['Google DeepMind', 'ByteDance Seed', 'Shanghai AI Laboratory'],
    fillers: ['Charts', 'Infographics', 'Scientific Figures', 'PixelChat'],
  },
  {
    name: '3D gaussian splatting',
    titles: [
      '{x}: Real-Time 3D Gaussian Splatting for Large Scenes',
      'Feed-Forward Gaussian Splatting from Sparse Views',
      'Dynamic 3D Gaussian Splatting for {x}',
    ],
    openings: [
      '3D Gaussian splatting renders radiance fields in real time.',
      'Gaussian splatting reconstructs scenes from posed images within minutes.',
    ],
    methods: [
      'We predict Gaussians directly from two input views.',
      'Our densification rule halves the number of Gaussians at equal quality.',
    ],
    keywords: ['3D Gaussian splatting', 'novel view synthesis', 'radiance fields'],
    organizations: ['Meta', 'NVIDIA', 'ETH Zurich'],
    fillers: ['City Blocks', 'Human Avatars', 'Indoor Rooms', 'SplatStream'],
  },
  {
    name: 'text-to-speech',
    titles: [
      '{x}: Zero-Shot Text-to-Speech with Codec Language Models',
      'Expressive Text-to-Speech from Ten Seconds of Audio',
      'Streaming Speech Synthesis for {x}',
    ],
    openings: [
      'Zero-shot text-to-speech clones a voice from a short prompt.',
      'Neural codec language models have made speech synthesis sound natural.',
    ],
    methods: [
      'We model prosody with a separate token stream.',
      'Our decoder streams audio after the first word.',
    ],
    keywords: ['text-to-speech', 'speech synthesis', 'neural audio codec'],
    organizations: ['Microsoft Research', 'Tencent', 'Alibaba Qwen'],
    fillers: ['Audiobooks', 'Voice Assistants', 'Dubbing', 'VoiceCraft-2'],
  },
  {
    name: 'code generation',
    titles: [
      '{x}: Repository-Level Code Generation with Execution Feedback',
      'Software Engineering Agents That Fix Real GitHub Issues',
      'Test-Driven Code Generation for {x}',
    ],
    openings: [
      'Code generation models now solve competitive programming problems.',
      'Software engineering agents edit whole repositories to resolve issues.',
    ],
    methods: [
      'We run the unit tests and feed failures back to the model.',
      'Our agent localises the faulty file before it writes a patch.',
    ],
    keywords: ['code generation', 'software engineering agents', 'execution feedback', 'SWE-bench'],
    organizations: ['Anthropic', 'ByteDance Seed', 'Salesforce AI Research'],
    fillers: ['Python Libraries', 'Data Pipelines', 'Web Apps', 'PatchPilot'],
  },
  {
    name: 'mixture of experts',
    titles: [
      '{x}: Load-Balanced Mixture-of-Experts Training',
      'Expert Pruning for Sparse MoE Language Models',
      'Routing Collapse in Mixture of Experts and How to Avoid It',
    ],
    openings: [
      'Mixture-of-experts (MoE) models activate a few experts per token.',
      'Sparse mixture of experts layers scale parameters without scaling compute.',
    ],
    methods: [
      'We balance expert load with an auxiliary-loss-free bias.',
      'Our router groups tokens so that experts stay on one device.',
    ],
    keywords: ['mixture of experts', 'MoE', 'expert routing', 'load balancing'],
    organizations: ['DeepSeek', 'Google DeepMind', 'Mistral AI'],
    fillers: ['Trillion-Parameter Models', 'Edge Devices', 'Multilingual Models', 'SparseMix'],
  },
];

/** Sentences any paper may carry: common phrases that belong to no topic, or to every one. */
export const COMMON_SENTENCES = [
  'Large language models (LLMs) have shown remarkable abilities across many tasks.',
  'Extensive experiments on {n} benchmarks show that our method outperforms strong baselines.',
  'Our approach achieves state-of-the-art performance while reducing compute by {n}%.',
  'Code and models are publicly available.',
  'We further provide a detailed analysis of failure cases.',
  'Ablation studies confirm the contribution of each component.',
  'The model generalises to unseen domains without additional training.',
];

export const COMMON_KEYWORDS = ['large language models', 'benchmark', 'ablation studies'];
